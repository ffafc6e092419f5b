using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace EcomOrleans.Silo.Tests.Deploy;

/// <summary>
/// The deployment files say what README says they do. Neither Docker nor Kubernetes is on the CI machine, so the compose
/// file and the manifests are read, not run (.ci/run checks the Prometheus configs with promtool).
/// </summary>
public sealed class DeployFilesTests
{
    [Fact]
    public void Compose_RunsRedisTwoSilosPrometheusAndGrafana_WithTheKeyFromTheEnvironment()
    {
        var compose = Load("deploy", "compose.yaml").Single();
        var services = Map(compose["services"]);

        Assert.Equal(["grafana", "prometheus", "redis", "silo-a", "silo-b"], services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains("--appendfsync always", string.Join(' ', Seq(Map(services["redis"])["command"]).Select(c => c.ToString())), StringComparison.Ordinal);
        foreach (var silo in new[] { "silo-a", "silo-b" })
        {
            var environment = Entries(Entries(Map(services[silo]))["environment"]);
            Assert.Equal("Redis", environment["Storage__Provider"]);
            Assert.StartsWith("${ECOM_API_KEY:?", environment["Security__ApiKey"], StringComparison.Ordinal);
        }

        // Prometheus scrapes both silos by their service names; Grafana gets the provisioning and the dashboards.
        var scraped = Load("deploy", "prometheus", "prometheus.yml").Single();
        var targets = Seq(Map(Seq(Map(Seq(scraped["scrape_configs"]).Single())["static_configs"]).Single())["targets"]).Select(t => t.ToString());
        Assert.Equal(["silo-a:8080", "silo-b:8080"], targets);
        var mounts = Seq(Map(services["grafana"])["volumes"]).Select(v => v.ToString()).ToList();
        Assert.Contains("../grafana/provisioning:/etc/grafana/provisioning:ro", mounts);
        Assert.Contains("../grafana/dashboards:/var/lib/grafana/dashboards:ro", mounts);
    }

    [Fact]
    public void GrafanaProvisioning_NamesTheDataSourceTheDashboardsUse_AndTheFolderTheyAreIn()
    {
        var datasource = Map(Seq(Load("grafana", "provisioning", "datasources", "prometheus.yml").Single()["datasources"]).Single());
        var provider = Map(Seq(Load("grafana", "provisioning", "dashboards", "ecom.yml").Single()["providers"]).Single());

        Assert.Equal(("prometheus", "prometheus"), (datasource["type"].ToString(), datasource["uid"].ToString()));
        Assert.Equal("/var/lib/grafana/dashboards", Map(provider["options"])["path"].ToString());
        var dashboards = Directory.GetFiles(Repository.PathOf("grafana", "dashboards"), "*.json");
        Assert.Equal(["ecom-engine.json", "ecom-merchandising.json"], dashboards.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in dashboards)
        {
            // Each dashboard picks its data source by the variable whose query is the data source type provisioned.
            var variable = JsonNode.Parse(File.ReadAllText(file))!["templating"]!["list"]!.AsArray().Single(v => (string?)v!["type"] == "datasource");
            Assert.Equal("prometheus", (string?)variable!["query"]);
        }
    }

    [Fact]
    public void Kubernetes_PodsRunOnOrleansKubernetesHosting_WithProbesLimitsAndSecretsFromASecret()
    {
        var documents = Load("deploy", "kubernetes", "ecom-orleans.yaml");
        var byKind = documents.ToDictionary(d => d["kind"].ToString(), StringComparer.Ordinal);

        Assert.Equal(["Deployment", "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount"], byKind.Keys.Order(StringComparer.Ordinal));
        var pod = Map(Map(Map(byKind["Deployment"]["spec"])["template"])["spec"]);
        var container = Map(Seq(pod["containers"]).Single());
        var env = Seq(container["env"]).Select(Map).ToDictionary(e => e["name"].ToString(), StringComparer.Ordinal);
        Assert.Equal("true", env["Orleans__Kubernetes"]["value"].ToString());
        // What Orleans' Kubernetes hosting reads from the pod.
        Assert.Empty(new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID" }.Except(env.Keys));
        // Secrets only from the Secret, never a literal.
        foreach (var secret in new[] { "Security__ApiKey", "ConnectionStrings__Redis" })
        {
            Assert.False(env[secret].Children.ContainsKey("value"), $"{secret} has a literal value");
            Assert.Equal("ecom-orleans", Map(Map(env[secret]["valueFrom"])["secretKeyRef"])["name"].ToString());
        }

        // Probes on the engine's health endpoints, and limits.
        Assert.Equal("/health/ready", Map(Map(container["readinessProbe"])["httpGet"])["path"].ToString());
        Assert.Equal("/health/live", Map(Map(container["livenessProbe"])["httpGet"])["path"].ToString());
        Assert.Equal("/health/live", Map(Map(container["startupProbe"])["httpGet"])["path"].ToString());
        var limits = Map(Map(container["resources"])["limits"]);
        Assert.True(limits.Children.ContainsKey("memory") && limits.Children.ContainsKey("cpu"), "the container has no cpu and memory limits");

        // The pod's service account may watch pods, as the hosting needs.
        Assert.Equal(pod["serviceAccountName"].ToString(), Map(Seq(byKind["RoleBinding"]["subjects"]).Single())["name"].ToString());
        var verbs = Seq(Map(Seq(byKind["Role"]["rules"]).Single())["verbs"]).Select(v => v.ToString());
        Assert.Empty(new[] { "get", "list", "watch" }.Except(verbs));
    }

    private static List<YamlMappingNode> Load(params string[] path)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Repository.PathOf(path)));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlMappingNode Map(YamlNode node) => (YamlMappingNode)node;

    /// <summary>A mapping's entries with its YAML merge keys (<c>&lt;&lt;: *anchor</c>) applied, as Compose reads them.</summary>
    private static Dictionary<string, YamlNode> Entries(YamlMappingNode map)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged))
        {
            foreach (var (key, value) in Entries(Map(merged)))
            {
                entries[key] = value;
            }
        }

        foreach (var (key, value) in map.Children.Where(c => c.Key.ToString() != "<<"))
        {
            entries[key.ToString()] = value;
        }

        return entries;
    }

    private static Dictionary<string, string> Entries(YamlNode map) =>
        Entries(Map(map)).ToDictionary(e => e.Key, e => e.Value.ToString(), StringComparer.Ordinal);

    private static YamlSequenceNode Seq(YamlNode node) => (YamlSequenceNode)node;
}

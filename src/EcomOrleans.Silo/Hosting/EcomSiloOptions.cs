using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Silo.Hosting;

/// <summary>Where this silo sits in its cluster (configuration section <c>Orleans</c>).</summary>
public sealed class EcomSiloOptions : IValidatableObject
{
    public const string SectionName = "Orleans";

    /// <summary>Silos with the same cluster id form one cluster. Default <c>ecom</c>.</summary>
    [Required(ErrorMessage = OptionsMessages.Required)]
    public string ClusterId { get; set; } = "ecom";

    /// <summary>Names the stored state; keep it across deployments. Default <c>ecom-orleans</c>.</summary>
    [Required(ErrorMessage = OptionsMessages.Required)]
    public string ServiceId { get; set; } = "ecom-orleans";

    /// <summary>Silo-to-silo port, 1-65535. Default 11111; give each silo on one host its own.</summary>
    [Range(1, 65_535, ErrorMessage = OptionsMessages.Between)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port, 1-65535 and not the silo port. Default 30000; give each silo on one host its own.</summary>
    [Range(1, 65_535, ErrorMessage = OptionsMessages.Between)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address other silos reach this one at (used with Redis clustering); default loopback (one host).</summary>
    [Required(ErrorMessage = OptionsMessages.Required)]
    [IPAddressText(ErrorMessage = "{0} must be an IP address, like 10.0.0.5")]
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// Running as a Kubernetes pod: Orleans' Kubernetes hosting (<c>Microsoft.Orleans.Hosting.Kubernetes</c>) names the
    /// silo after its pod, advertises the pod's IP (from <c>POD_IP</c>), takes the service and cluster ids from
    /// <c>ORLEANS_SERVICE_ID</c> and <c>ORLEANS_CLUSTER_ID</c>, and declares a silo dead as soon as its pod is gone
    /// (it watches the namespace's pods: the pod's service account needs get, list and watch on pods; see
    /// <c>deploy/kubernetes</c>). Default false. Clustering and state stay on <c>Storage:Provider</c>.
    /// </summary>
    public bool Kubernetes { get; set; }

    /// <summary>One port cannot serve both the silo and the gateway.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(GatewayPort)} must differ from {nameof(SiloPort)}", [nameof(GatewayPort)]);
        }
    }
}

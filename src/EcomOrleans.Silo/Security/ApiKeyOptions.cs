using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using EcomOrleans.Configuration;

namespace EcomOrleans.Silo.Security;

/// <summary>
/// Who may call what (configuration section <c>Security</c>): keys sent in the <c>X-Api-Key</c> header, each with
/// roles (<see cref="ApiRoles"/>). <c>Security:Keys:&lt;name&gt;</c> holds a key as its SHA-256 hash with its roles, so
/// configuration never holds a key itself; <c>Security:ApiKey</c> (from the environment or a secret store, never a
/// config file) is one key with every role. With neither, the silo makes a random all-roles key for its own lifetime
/// and logs it once. Keys are re-read when configuration reloads: rotating one needs no restart.
/// </summary>
public sealed partial class ApiKeyOptions : IValidatableObject
{
    public const string SectionName = "Security";
    public const string HeaderName = "X-Api-Key";
    public const int MinimumLength = 16;

    /// <summary>One key with every role; at least <see cref="MinimumLength"/> (16) characters. Unset by default.</summary>
    [MinLength(MinimumLength, ErrorMessage = OptionsMessages.MinLength)]
    [PasswordPropertyText(true)]
    public string? ApiKey { get; set; }

    /// <summary>Named keys, as hashes with roles: <c>Security:Keys:storefront:Hash = sha256:&lt;64 hex digits&gt;</c>, <c>Roles = read</c>.</summary>
    public Dictionary<string, ApiKeyEntry> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Let reads (profiles, recommendations, SKUs, demand, insights) through without a key. Default false.</summary>
    public bool AnonymousReads { get; set; }

    /// <summary>Ask <c>/metrics</c> for a key with the <c>read</c> role. Default false: a Prometheus on the private network scrapes it.</summary>
    public bool ProtectMetrics { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, entry) in Keys)
        {
            var key = $"{SectionName}:{nameof(Keys)}:{name}";
            if (entry.Hash is null || !HashPattern().IsMatch(entry.Hash))
            {
                yield return new ValidationResult(
                    $"{key}:Hash must be 'sha256:' and the key's SHA-256 in 64 hex digits (was {(entry.Hash is null ? "unset" : $"{entry.Hash.Length} characters")})", [nameof(Keys)]);
            }

            var roles = ApiRoles.Parse(entry.Roles);
            if (roles.Unknown.Count > 0 || roles.Known.Count == 0)
            {
                yield return new ValidationResult(
                    $"{key}:Roles must name one or more of {string.Join(", ", ApiRoles.All)}, separated by commas (was '{entry.Roles}')", [nameof(Keys)]);
            }
        }
    }

    [GeneratedRegex("^sha256:[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();
}

/// <summary>One named key: its hash and its roles.</summary>
public sealed class ApiKeyEntry
{
    /// <summary><c>sha256:</c> and the key's SHA-256 in hex (<c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string? Hash { get; set; }

    /// <summary>Comma-separated roles: <c>ingest</c>, <c>read</c>, <c>bot</c>, <c>admin</c>.</summary>
    public string? Roles { get; set; }
}

/// <summary>What a key may do. <c>admin</c> may do everything.</summary>
public static class ApiRoles
{
    /// <summary><c>POST /api/events</c>: event producers.</summary>
    public const string Ingest = "ingest";

    /// <summary>Profiles, recommendations, SKUs, demand, insights: the storefront and dashboards.</summary>
    public const string Read = "read";

    /// <summary>The customer-service bot's endpoints.</summary>
    public const string Bot = "bot";

    /// <summary>The catalog (<c>PUT /api/skus</c>), prices, forgetting users, model swaps; and every other role.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Ingest, Read, Bot, Admin];

    public static (IReadOnlySet<string> Known, IReadOnlyList<string> Unknown) Parse(string? roles)
    {
        var names = (roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (names.Where(All.Contains).ToHashSet(StringComparer.Ordinal), [.. names.Where(n => !All.Contains(n))]);
    }
}

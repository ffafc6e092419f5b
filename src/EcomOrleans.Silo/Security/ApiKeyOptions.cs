namespace EcomOrleans.Silo.Security;

/// <summary>
/// The key that write and admin endpoints require in the <c>X-Api-Key</c> header (configuration
/// section <c>Security</c>). Set it from the environment (<c>Security__ApiKey</c>) or a secret store,
/// never in a config file. When unset, the silo makes a random key for its own lifetime and logs it.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Security";
    public const string HeaderName = "X-Api-Key";

    /// <summary>At least 16 characters.</summary>
    public string? ApiKey { get; set; }
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Hosting;

/// <summary>
/// Where grain state and cluster membership live (configuration section <c>Storage</c>): one setting,
/// <c>Storage:Provider</c>, chooses <c>Memory</c> (the embedded default, NOT durable), <c>Redis</c> or
/// <c>AzureTable</c>. Connection strings come from <c>ConnectionStrings:Redis</c> and
/// <c>ConnectionStrings:AzureStorage</c> (the environment or a secret store, never a config file).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";
    public const string MemoryProvider = "Memory";
    public const string RedisProvider = "Redis";
    public const string AzureTableProvider = "AzureTable";
    public const string RedisConnectionName = "Redis";
    public const string AzureStorageConnectionName = "AzureStorage";

    /// <summary>
    /// <c>Memory</c>, <c>Redis</c> or <c>AzureTable</c>. Unset: <c>Redis</c> when <c>ConnectionStrings:Redis</c> is
    /// set (as before this setting existed), otherwise <c>Memory</c>.
    /// </summary>
    [AllowedValues(null, MemoryProvider, RedisProvider, AzureTableProvider, ErrorMessage = "{0} must be Memory, Redis or AzureTable")]
    public string? Provider { get; set; }

    /// <summary>
    /// How long start-up waits for the durable store to answer, retrying once a second, before it stops with one line
    /// naming it (exit code 1). Default 10 s; 0 tries once. Not used by <c>Memory</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Redis settings that are not secrets.</summary>
    public RedisStorageSettings Redis { get; set; } = new();

    /// <summary>The Azure Table settings that are not secrets.</summary>
    [ValidateObjectMembers]
    public AzureTableStorageSettings AzureTable { get; set; } = new();

    /// <summary>From <c>ConnectionStrings:Redis</c>, not this section.</summary>
    [PasswordPropertyText(true)]
    public string? RedisConnectionString { get; set; }

    /// <summary>From <c>ConnectionStrings:AzureStorage</c>, not this section.</summary>
    [PasswordPropertyText(true)]
    public string? AzureStorageConnectionString { get; set; }

    /// <summary>The provider in effect: <see cref="Provider"/>, or what its default says.</summary>
    public string EffectiveProvider => Provider ?? (string.IsNullOrWhiteSpace(RedisConnectionString) ? MemoryProvider : RedisProvider);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var provider = $"{SectionName}:{nameof(Provider)}";
        var azureUri = $"{SectionName}:{nameof(AzureTable)}:{nameof(AzureTableStorageSettings.ServiceUri)}";
        switch (EffectiveProvider)
        {
            case RedisProvider when string.IsNullOrWhiteSpace(RedisConnectionString):
                yield return new ValidationResult($"{provider} Redis needs ConnectionStrings:{RedisConnectionName}, which is not set", [nameof(Provider)]);
                break;
            case AzureTableProvider when string.IsNullOrWhiteSpace(AzureStorageConnectionString) && AzureTable.ServiceUri is null:
                yield return new ValidationResult(
                    $"{provider} AzureTable needs ConnectionStrings:{AzureStorageConnectionName} or {azureUri}, and neither is set", [nameof(Provider)]);
                break;
            case AzureTableProvider when !string.IsNullOrWhiteSpace(AzureStorageConnectionString) && AzureTable.ServiceUri is not null:
                yield return new ValidationResult(
                    $"{provider} AzureTable takes ConnectionStrings:{AzureStorageConnectionName} or {azureUri}, not both", [nameof(Provider)]);
                break;
        }
    }
}

/// <summary>Section <c>Storage:Redis</c>.</summary>
public sealed class RedisStorageSettings
{
    /// <summary>
    /// Run on a Redis that does not persist every write (no append-only file, or one the OS flushes when it likes),
    /// logged at start-up as DEGRADED, instead of refusing to start. Default false: a Redis crash would lose
    /// events the engine acknowledged.
    /// </summary>
    public bool AllowUnpersisted { get; set; }
}

/// <summary>Section <c>Storage:AzureTable</c>.</summary>
public sealed class AzureTableStorageSettings : IValidatableObject
{
    /// <summary>
    /// The table service's URI (<c>https://account.table.core.windows.net</c>), signed in with
    /// <c>DefaultAzureCredential</c> (managed identity, workload identity, the Azure CLI ...), instead of a
    /// connection string with a key.
    /// </summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>The grain state table; 3-63 letters and digits, starting with a letter. Default <c>OrleansGrainState</c>.</summary>
    [Required(ErrorMessage = OptionsMessages.Required)]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "{0} must be 3-63 letters and digits, starting with a letter")]
    public string TableName { get; set; } = Engine.Hosting.AzureTableStore.DefaultTableName;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http")))
        {
            yield return new ValidationResult($"{StorageOptions.SectionName}:AzureTable:{nameof(ServiceUri)} must be an absolute https URI", [nameof(ServiceUri)]);
        }
    }
}

/// <summary>Validates <see cref="StorageOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

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
    public const int MinimumLength = 16;

    /// <summary>At least <see cref="MinimumLength"/> (16) characters; unset by default (a one-off key is generated).</summary>
    [MinLength(MinimumLength, ErrorMessage = OptionsMessages.MinLength)]
    [PasswordPropertyText(true)]
    public string? ApiKey { get; set; }
}

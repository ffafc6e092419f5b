using System.ComponentModel.DataAnnotations;

namespace EcomOrleans.Client;

/// <summary>A <see cref="Uri"/> that is absolute and http or https; an unset one is left to <see cref="RequiredAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AbsoluteHttpUrlAttribute : ValidationAttribute
{
    /// <summary>A rule worded like the engine's: <c>{0} must be an absolute http or https URL, like http://127.0.0.1:5080</c>.</summary>
    public AbsoluteHttpUrlAttribute()
        : base("{0} must be an absolute http or https URL, like http://127.0.0.1:5080")
    {
    }

    /// <inheritdoc />
    public override bool IsValid(object? value) =>
        value is not Uri uri || (uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

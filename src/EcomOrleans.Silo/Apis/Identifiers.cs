using System.Text.RegularExpressions;

namespace EcomOrleans.Silo.Apis;

/// <summary>
/// The shapes ids and SKUs must have at the edge, with the messages that say so: one rule for route
/// parameters (<c>/api/users/{userId}</c>, <c>/api/skus/{sku}</c>), query parameters and event fields.
/// </summary>
public static partial class Identifiers
{
    public const string IdRule = "must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    public const string SkuRule = "must be 1-64 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    /// <summary>An id's shape as a regular expression without its end anchor (ECMAScript and .NET read it alike).</summary>
    public const string IdPattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    /// <summary>A SKU's shape as a regular expression without its end anchor.</summary>
    public const string SkuPattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    public static bool IsValidId(string? value) => value is not null && IdRegex().IsMatch(value);

    public static bool IsValidSku(string? value) => value is not null && SkuRegex().IsMatch(value);

    // NOTE: \z, not $: $ also matches before a final '\n', which let "beauty-17\n" pass as a second SKU.
    [GeneratedRegex(IdPattern + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(SkuPattern + @"\z", RegexOptions.CultureInvariant)]
    private static partial Regex SkuRegex();
}

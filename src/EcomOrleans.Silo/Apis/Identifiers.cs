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

    public static bool IsValidId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static bool IsValidSku(string? value) => value is not null && SkuPattern().IsMatch(value);

    // NOTE: \z, not $: $ also matches before a final '\n', which let "beauty-17\n" pass as a second SKU.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();
}

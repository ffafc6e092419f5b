using System.Text.RegularExpressions;

namespace EcomOrleans.Silo.Ingestion;

/// <summary>The shapes ids and SKUs must have at the edge, with the messages that say so.</summary>
public static partial class Identifiers
{
    public const string IdRule = "must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
    public const string SkuRule = "must be 1-64 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";

    public static bool IsValidId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static bool IsValidSku(string? value) => value is not null && SkuPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SkuPattern();
}

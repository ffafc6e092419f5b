using System.Globalization;
using EcomOrleans.Skus;

namespace EcomOrleans.Silo.Catalog;

/// <summary>Checks catalog facts at the edge, naming every bad field.</summary>
public static class SkuRequestValidator
{
    public const int MaxTextLength = 200;
    public const decimal MaxMoney = 1_000_000m;
    public const int MaxStock = 100_000_000;
    public const int MaxLeadTimeDays = 365;

    public static bool TryValidate(SkuRequest? request, out SkuCatalog? catalog, out Dictionary<string, string[]> errors)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        catalog = null;
        if (request is null)
        {
            problems["body"] = ["A SKU body with title, category, brand, price, cost, stock and leadTimeDays is required."];
            errors = problems;
            return false;
        }

        Text(request.Title, "title", problems);
        Text(request.Category, "category", problems);
        Text(request.Brand, "brand", problems);
        Money(request.Price, "price", problems, mustBePositive: true);
        Money(request.Cost, "cost", problems, mustBePositive: false);
        Whole(request.Stock, "stock", 0, MaxStock, problems);
        Whole(request.LeadTimeDays, "leadTimeDays", 0, MaxLeadTimeDays, problems);

        errors = problems;
        if (problems.Count > 0)
        {
            return false;
        }

        catalog = new SkuCatalog(
            request.Title!.Trim(), request.Category!.Trim(), request.Brand!.Trim(),
            request.Price!.Value, request.Cost!.Value, request.Stock!.Value, request.LeadTimeDays!.Value);
        return true;
    }

    private static void Text(string? value, string field, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems[field] = [$"'{field}' is required."];
        }
        else if (value.Length > MaxTextLength)
        {
            problems[field] = [$"'{field}' must be at most {MaxTextLength} characters; got {value.Length}."];
        }
        else if (value.Any(char.IsControl))
        {
            problems[field] = [$"'{field}' must not contain control characters (such as NUL, tab or newline)."];
        }
    }

    private static void Money(decimal? value, string field, Dictionary<string, string[]> problems, bool mustBePositive)
    {
        if (value is null)
        {
            problems[field] = [$"'{field}' is required."];
        }
        else if ((mustBePositive ? value <= 0m : value < 0m) || value > MaxMoney)
        {
            var low = mustBePositive ? "greater than 0" : "at least 0";
            problems[field] = [$"'{field}' must be {low} and at most {MaxMoney.ToString(CultureInfo.InvariantCulture)}; got {value.Value.ToString(CultureInfo.InvariantCulture)}."];
        }
    }

    private static void Whole(int? value, string field, int min, int max, Dictionary<string, string[]> problems)
    {
        if (value is null)
        {
            problems[field] = [$"'{field}' is required."];
        }
        else if (value < min || value > max)
        {
            problems[field] = [$"'{field}' must be between {min} and {max}; got {value}."];
        }
    }
}

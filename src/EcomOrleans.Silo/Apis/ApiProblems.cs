using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomOrleans.Silo.Apis;

/// <summary>Problem responses shared by the API groups.</summary>
internal static class ApiProblems
{
    public static ValidationProblem InvalidId(string field, string value, string rule) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [$"'{field}' {rule}; got '{(value.Length <= 40 ? value : value[..40] + "...")}'."] },
            title: "The request was rejected");

    public static ValidationProblem? CheckUserId(string userId) =>
        Identifiers.IsValidId(userId) ? null : InvalidId("userId", userId, Identifiers.IdRule);

    public static ValidationProblem? CheckSku(string sku) =>
        Identifiers.IsValidSku(sku) ? null : InvalidId("sku", sku, Identifiers.SkuRule);

    /// <summary>
    /// A whole-number query parameter between <paramref name="min"/> and <paramref name="max"/>, or its default when
    /// absent; on anything else an error naming it (minimal APIs' own binding answers a bare 400 naming nothing).
    /// </summary>
    public static int WholeParameter(string? value, string name, int min, int max, int fallback, ref Dictionary<string, string[]>? errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Error(ref errors)[name] = [$"'{name}' must be a whole number between {min} and {max}; got '{(value.Length <= 20 ? value : value[..20] + "...")}'."];
        return fallback;
    }

    /// <summary>An optional <c>category</c> query parameter, trimmed; on a blank or over-long one an error naming it.</summary>
    public static string? CategoryParameter(string? category, ref Dictionary<string, string[]>? errors)
    {
        if (category is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(category) || category.Length > RecommendationsApi.MaxCategoryLength)
        {
            Error(ref errors)["category"] = [$"'category' must be 1-{RecommendationsApi.MaxCategoryLength} characters and not blank."];
            return null;
        }

        return category.Trim();
    }

    /// <summary>The errors of a request, made on its first: a valid request (nearly all of them) allocates none.</summary>
    public static Dictionary<string, string[]> Error(ref Dictionary<string, string[]>? errors) =>
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}

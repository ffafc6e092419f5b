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

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}

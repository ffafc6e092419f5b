using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcomOrleans.Silo.Apis;

/// <summary>
/// Reads a JSON request body strictly, answering what was wrong with it as a problem that names the field:
/// 415 when it is not sent as JSON, 413 when it is larger than the endpoint takes, 400 for JSON that is not
/// complete, has a field twice, a field of another type (a number as a string), or a field the body does not have.
/// Never a .NET type name.
/// </summary>
internal static partial class JsonBody
{
    public const string ReadTitle = "The request body could not be read";

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer instead.</summary>
    public static async Task<(T? Value, Results<ValidationProblem, ProblemHttpResult>? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, long maxBytes)
    {
        if (!IsJson(request.ContentType))
        {
            return (default, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"The body must be JSON, sent with 'Content-Type: application/json'; got {(string.IsNullOrEmpty(request.ContentType) ? "no Content-Type" : $"'{request.ContentType}'")}."));
        }

        if (request.ContentLength > maxBytes)
        {
            return (default, TooLarge(maxBytes, $"; this one is {request.ContentLength}"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null
                ? (default, Invalid("body", "The body must be a JSON object; got null."))
                : (value, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(maxBytes, ""));
        }
        catch (JsonException ex)
        {
            var (field, message) = Describe(ex);
            return (default, Invalid(field, message));
        }
    }

    /// <summary><c>application/json</c>, or any <c>+json</c> type, with any parameters (charset).</summary>
    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The field a <see cref="JsonException"/> is about, and what to tell the caller, in the API's words.</summary>
    internal static (string Field, string Message) Describe(JsonException exception)
    {
        var message = exception.Message;
        var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? null : exception.Path.TrimStart('$', '.');
        var truncated = message.Contains("end of data", StringComparison.Ordinal)
            || message.Contains("end of the JSON payload", StringComparison.Ordinal)
            || message.Contains("does not contain any JSON tokens", StringComparison.Ordinal)
            || message.Contains("Expected depth to be zero", StringComparison.Ordinal);
        if (exception.InnerException is InvalidOperationException { Message: var inner } && inner.Contains("UTF-16", StringComparison.Ordinal) && path is not null)
        {
            // A \uD800 escape without its other half: JSON allows it, a string cannot hold it as text.
            return (path, $"'{Leaf(path)}' is not text: it holds half of a UTF-16 surrogate pair.");
        }

        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal) && !truncated)
        {
            return path is null
                ? ("body", "The body must be a JSON object.")
                : (path, $"'{Leaf(path)}' has the wrong JSON type (a number must not be quoted, a text must be).");
        }

        if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var field = path is null ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return (field, $"'{name}' is not a field of this body.");
        }

        if (Duplicate().Match(message) is { Success: true } duplicate)
        {
            var field = path ?? duplicate.Groups["name"].Value;
            return (field, $"'{duplicate.Groups["name"].Value}' appears more than once.");
        }

        var at = exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : "";
        if (truncated)
        {
            // Truncated: the reader's path is wherever it stopped, not what is wrong.
            return ("body", $"The body is not complete JSON: it ends before its last value is closed{at}.");
        }

        var reason = message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.');
        return (path ?? "body", $"The body is not valid JSON: {reason}{at}.");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: ReadTitle);

    private static ProblemHttpResult TooLarge(long maxBytes, string actual) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"A request body here may be at most {maxBytes} bytes{actual}.");

    private static string Leaf(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        return leaf.EndsWith(']') && leaf.IndexOf('[') is var open and > 0 ? leaf[..open] : leaf;
    }

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped to any \\.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex("[Dd]uplicate[^']*'(?<name>[^']*)'")]
    private static partial Regex Duplicate();
}

using System.Net;

namespace EcomOrleans.Client;

/// <summary>
/// The engine answered a request with a failure status (after any retries): the status and the RFC 7807 problem the
/// engine sent with it. A 400 names every invalid field in <see cref="Errors"/> (<c>events[3].sku</c>).
/// </summary>
public sealed class EcomOrleansApiException : Exception
{
    /// <summary>A failure answer of <paramref name="method"/> <paramref name="path"/>, with what its problem body said.</summary>
    public EcomOrleansApiException(
        HttpMethod method,
        string path,
        HttpStatusCode statusCode,
        string? title,
        string? detail,
        IReadOnlyDictionary<string, string[]>? errors,
        string? traceId,
        TimeSpan? retryAfter = null)
        : base(Describe(method, path, statusCode, title, detail, errors))
    {
        Method = method;
        Path = path;
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>(StringComparer.Ordinal);
        TraceId = traceId;
        RetryAfter = retryAfter;
    }

    /// <summary>The request's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's path and query, as sent (<c>/api/skus/beauty-17</c>).</summary>
    public string Path { get; }

    /// <summary>The answer's status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem's <c>title</c>, or <see langword="null"/> when the answer had no problem body.</summary>
    public string? Title { get; }

    /// <summary>The problem's <c>detail</c>, when it has one.</summary>
    public string? Detail { get; }

    /// <summary>The problem's <c>errors</c>: each invalid field with its messages; empty when it named none.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>The problem's <c>traceId</c>, to find the request in the engine's traces and logs.</summary>
    public string? TraceId { get; }

    /// <summary>The answer's <c>Retry-After</c> in seconds (the engine's 429 and 503 carry one), when it had one.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(
        HttpMethod method, string path, HttpStatusCode statusCode, string? title, string? detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        var text = $"{method} {path} answered {(int)statusCode} {title ?? statusCode.ToString()}";
        if (detail is not null)
        {
            text += $": {detail}";
        }

        if (errors is { Count: > 0 })
        {
            text += " (" + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + ")";
        }

        return text;
    }
}

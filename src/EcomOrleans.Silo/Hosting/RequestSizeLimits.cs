using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EcomOrleans.Silo.Hosting;

/// <summary>
/// The request line and header limits, answered as problem details. Kestrel refuses a request line or headers over
/// its own limits with a bare 414 or 431 before any application code runs, and has no hook for that body. So
/// Kestrel's limits are set <see cref="KestrelHeadroom"/> times higher, and this middleware enforces the real ones
/// (Kestrel's own defaults) with problem details and a trace id. Only a request past the headroom still gets
/// Kestrel's bare answer.
/// </summary>
internal static class RequestSizeLimits
{
    /// <summary>The longest path and query accepted, in characters (Kestrel's default request line limit).</summary>
    public const int MaxRequestTarget = 8 * 1024;

    /// <summary>The most header bytes accepted, names and values (Kestrel's default).</summary>
    public const int MaxHeadersTotalSize = 32 * 1024;

    /// <summary>The most header lines accepted (Kestrel's default).</summary>
    public const int MaxHeaderCount = 100;

    /// <summary>How much higher Kestrel's own limits are than the ones answered here.</summary>
    public const int KestrelHeadroom = 4;

    public static void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = MaxRequestTarget * KestrelHeadroom;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeadersTotalSize * KestrelHeadroom;
        kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount * KestrelHeadroom;
        kestrel.ConfigureEndpointDefaults(ServerRejections.Use);
    }

    public static async Task EnforceAsync(HttpContext context, RequestDelegate next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw.Length
            : context.Request.Path.Value?.Length + context.Request.QueryString.Value?.Length ?? 0;
        if (target > MaxRequestTarget)
        {
            await WriteAsync(
                context, StatusCodes.Status414UriTooLong, "The request target is too long",
                string.Create(CultureInfo.InvariantCulture, $"The path and query are {target:N0} characters; at most {MaxRequestTarget:N0} are accepted."));
            return;
        }

        var (count, size) = (0, 0L);
        foreach (var header in context.Request.Headers)
        {
            foreach (var value in header.Value)
            {
                count++;
                size += header.Key.Length + (value?.Length ?? 0) + 4; // "name: value\r\n"
            }
        }

        if (count > MaxHeaderCount || size > MaxHeadersTotalSize)
        {
            await WriteAsync(
                context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large",
                string.Create(CultureInfo.InvariantCulture, $"The request has {count:N0} header lines of {size:N0} bytes; at most {MaxHeaderCount:N0} lines and {MaxHeadersTotalSize:N0} bytes are accepted."));
            return;
        }

        await next(context);
    }

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using EcomOrleans.Configuration;
using EcomOrleans.Silo.ApiReference;
using EcomOrleans.Silo.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Admission;

/// <summary>
/// ASP.NET Core's rate limiter, set up as <see cref="AdmissionOptions"/> says: each endpoint group chains a token
/// bucket per caller with a concurrency limit that queues a bounded number of requests. A refused request gets 429,
/// a <c>Retry-After</c> header and a problem body, in well under a second, instead of waiting in an unbounded queue.
/// </summary>
public static class AdmissionControl
{
    public const string WritesPolicy = "writes";
    public const string ReadsPolicy = "reads";

    public static IServiceCollection AddEcomAdmission(this IServiceCollection services)
    {
        services.AddValidatedOptions<AdmissionOptions, AdmissionOptionsValidator>(AdmissionOptions.SectionName);
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, ConfigureRateLimiter>();
        services.AddRateLimiter(_ => { });
        return services;
    }

    /// <summary>Counts the endpoint against the write limits, and declares the 429 they answer.</summary>
    public static TBuilder RequireWriteAdmission<TBuilder>(this TBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder => endpoints.RequireRateLimiting(WritesPolicy).WithMetadata(new AdmissionGroup(WritesPolicy)).AnswersTooManyRequests();

    /// <summary>Counts the endpoint against the read limits, and declares the 429 they answer.</summary>
    public static TBuilder RequireReadAdmission<TBuilder>(this TBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder => endpoints.RequireRateLimiting(ReadsPolicy).WithMetadata(new AdmissionGroup(ReadsPolicy)).AnswersTooManyRequests();

    private static TBuilder AnswersTooManyRequests<TBuilder>(this TBuilder endpoints)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.AnswersProblem(StatusCodes.Status429TooManyRequests, ApiResponses.TooManyRequests, ApiExamples.TooManyRequests);

    /// <summary>The caller a rate is kept for: a hash of its API key, or its address when it sends none.</summary>
    internal static string CallerOf(HttpContext context) =>
        context.Request.Headers[ApiKeyOptions.HeaderName].ToString() is { Length: > 0 } key
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8)
            : "addr:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Endpoint metadata: the group whose in-flight limit a request counts against.</summary>
    private sealed record AdmissionGroup(string Name);

    private sealed class ConfigureRateLimiter(IOptions<AdmissionOptions> admission) : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions options)
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Per caller, per group: a token bucket (refused at once over its rate, never queued).
            options.AddPolicy(WritesPolicy, context => PerCaller(context, WritesPolicy, admission.Value.Writes));
            options.AddPolicy(ReadsPolicy, context => PerCaller(context, ReadsPolicy, admission.Value.Reads));

            // Per group, for every caller together: requests in flight, with a bounded queue in front.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<AdmissionGroup>() is { } group
                    ? RateLimitPartition.GetConcurrencyLimiter(group.Name, _ => InFlight(group.Name == WritesPolicy ? admission.Value.Writes : admission.Value.Reads))
                    : RateLimitPartition.GetNoLimiter("unlimited"));

            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                var context = rejected.HttpContext;
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"The engine is taking all the requests it can, from this caller or in total; retry after {retryAfter} s. Nothing of this request was acknowledged.",
                    },
                });
            };
        }

        private static RateLimitPartition<string> PerCaller(HttpContext context, string group, AdmissionLimits limits)
        {
            // A whole number of tokens per period: per second when the rate is at least 1, else one per 1/rate s.
            var (tokens, period) = limits.RequestsPerSecond >= 1
                ? ((int)Math.Ceiling(limits.RequestsPerSecond), TimeSpan.FromSeconds(1))
                : (1, TimeSpan.FromSeconds(1 / limits.RequestsPerSecond));
            return RateLimitPartition.GetTokenBucketLimiter($"{group}:{CallerOf(context)}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = tokens,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }

        private static ConcurrencyLimiterOptions InFlight(AdmissionLimits limits) => new()
        {
            PermitLimit = limits.MaxConcurrent,
            QueueLimit = limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
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
    /// <param name="key">The request's <c>X-Api-Key</c>, empty when it sent none.</param>
    internal static string CallerOf(HttpContext context, string key) =>
        key.Length > 0
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
            var writes = new CallerPartitions(WritesPolicy, admission.Value.Writes);
            var reads = new CallerPartitions(ReadsPolicy, admission.Value.Reads);
            options.AddPolicy(WritesPolicy, writes.For);
            options.AddPolicy(ReadsPolicy, reads.For);

            // Per group, for every caller together: requests in flight, with a bounded queue in front.
            var writesInFlight = RateLimitPartition.GetConcurrencyLimiter(WritesPolicy, _ => InFlight(admission.Value.Writes));
            var readsInFlight = RateLimitPartition.GetConcurrencyLimiter(ReadsPolicy, _ => InFlight(admission.Value.Reads));
            var unlimited = RateLimitPartition.GetNoLimiter("unlimited");
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<AdmissionGroup>() is { } group
                    ? group.Name == WritesPolicy ? writesInFlight : readsInFlight
                    : unlimited);

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

        private static ConcurrencyLimiterOptions InFlight(AdmissionLimits limits) => new()
        {
            PermitLimit = limits.MaxConcurrent,
            QueueLimit = limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    /// <summary>
    /// One group's token buckets, one per caller. The options and their factory are made once, and the partition of
    /// the last key seen is kept: a storefront sends one key, and its every request used to hash that key again and
    /// allocate the partition's name and factory.
    /// </summary>
    private sealed class CallerPartitions
    {
        private readonly string _group;
        private readonly Func<string, TokenBucketRateLimiterOptions> _factory;
        private volatile LastCaller? _last;

        public CallerPartitions(string group, AdmissionLimits limits)
        {
            _group = group;

            // A whole number of tokens per period: per second when the rate is at least 1, else one per 1/rate s.
            var (tokens, period) = limits.RequestsPerSecond >= 1
                ? ((int)Math.Ceiling(limits.RequestsPerSecond), TimeSpan.FromSeconds(1))
                : (1, TimeSpan.FromSeconds(1 / limits.RequestsPerSecond));
            var options = new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = tokens,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            };
            _factory = _ => options;
        }

        public RateLimitPartition<string> For(HttpContext context)
        {
            var key = context.Request.Headers[ApiKeyOptions.HeaderName].ToString();

            // NOTE: compared in constant time: the last key is another caller's, perhaps a valid one.
            if (key.Length > 0 && _last is { } last
                && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(last.Key.AsSpan()), MemoryMarshal.AsBytes(key.AsSpan())))
            {
                return last.Partition;
            }

            var partition = RateLimitPartition.GetTokenBucketLimiter($"{_group}:{CallerOf(context, key)}", _factory);
            if (key.Length > 0)
            {
                _last = new LastCaller(key, partition);
            }

            return partition;
        }

        private sealed record LastCaller(string Key, RateLimitPartition<string> Partition);
    }
}

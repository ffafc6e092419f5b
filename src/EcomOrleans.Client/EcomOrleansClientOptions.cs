using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace EcomOrleans.Client;

/// <summary>
/// Where the engine is, the key to send, and how hard to try. Validated when the client is built (and at host start-up
/// with <see cref="EcomOrleansClientServiceCollectionExtensions.AddEcomOrleansClient"/>).
/// </summary>
public sealed class EcomOrleansClientOptions
{
    /// <summary>The header the API key travels in: <c>X-Api-Key</c>.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The engine's root, an absolute http or https URL such as <c>http://127.0.0.1:5080</c>. Required.</summary>
    [Required(ErrorMessage = "{0} must be set")]
    [AbsoluteHttpUrl]
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Sent as <c>X-Api-Key</c> with every request; writes need one, reads need one unless the engine lets reads through
    /// anonymously. Unset by default (no header); when set, not empty.
    /// </summary>
    [MinLength(1, ErrorMessage = "{0} must not be empty when set")]
    [PasswordPropertyText(true)]
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take before it counts as no answer (and is retried). Default 30 s; 1 ms to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries after the first attempt of a request that met a transient failure (429, 502, 503, 504, no connection,
    /// an attempt timeout); 0 turns retrying off, so every failure reaches the caller. Default 3 (4 attempts); 0-10.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The backoff before the first retry when the engine gave no <c>Retry-After</c>; doubles with each retry, ±20% jitter.
    /// Default 200 ms; 0 to 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait before one retry, the engine's <c>Retry-After</c> included. Default 30 s; 0 to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}

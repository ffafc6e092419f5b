using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Admission;

/// <summary>
/// How much the API admits before it answers 429 with <c>Retry-After</c> instead of queueing without bound
/// (configuration section <c>Admission</c>): per endpoint group, a rate per API key (or per client address without
/// one) and a limit on requests in flight with a bounded queue.
/// </summary>
public sealed class AdmissionOptions
{
    public const string SectionName = "Admission";

    /// <summary>Writes: <c>POST /api/events</c>, <c>PUT /api/skus/{sku}</c>, <c>DELETE /api/users/{userId}</c>.</summary>
    [ValidateObjectMembers]
    public AdmissionLimits Writes { get; set; } = new() { RequestsPerSecond = 1_000, Burst = 2_000, MaxConcurrent = 64, QueueLimit = 256 };

    /// <summary>Reads: profiles, recommendations, SKUs, demand and insights.</summary>
    [ValidateObjectMembers]
    public AdmissionLimits Reads { get; set; } = new() { RequestsPerSecond = 2_000, Burst = 4_000, MaxConcurrent = 256, QueueLimit = 1_024 };
}

/// <summary>The limits of one endpoint group.</summary>
public sealed class AdmissionLimits
{
    /// <summary>Requests a second one key (or client address) may send, on average.</summary>
    [Range(0.001, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public double RequestsPerSecond { get; set; }

    /// <summary>Requests one key may send at once above its rate (the token bucket's size).</summary>
    [Range(1, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int Burst { get; set; }

    /// <summary>Requests of the group the silo works on at once.</summary>
    [Range(1, 100_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxConcurrent { get; set; }

    /// <summary>Requests that may wait for one of those; past it, 429 at once.</summary>
    [Range(0, 1_000_000, ErrorMessage = OptionsMessages.Between)]
    public int QueueLimit { get; set; }
}

[OptionsValidator]
internal sealed partial class AdmissionOptionsValidator : IValidateOptions<AdmissionOptions>;

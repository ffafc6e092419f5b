using System.ComponentModel.DataAnnotations;
using EcomOrleans.Configuration;

namespace EcomOrleans.Grains.Users;

/// <summary>How much of a user's behaviour a <see cref="UserGrain"/> keeps (configuration section <c>Grains:Users</c>).</summary>
public sealed class UserGrainOptions : IValidatableObject
{
    public const string SectionName = "Grains:Users";

    /// <summary>Events kept in the rolling behaviour sequence. Default 50 (the sequence model's max length).</summary>
    [Range(1, 1_000, ErrorMessage = OptionsMessages.Between)]
    public int SequenceLength { get; set; } = 50;

    /// <summary>Most recent event ids remembered for idempotency; at least <see cref="SequenceLength"/>. Default 1,000.</summary>
    public int DedupWindow { get; set; } = 1_000;

    /// <summary>Recent sessions kept. Default 20.</summary>
    [Range(1, 1_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxSessions { get; set; } = 20;

    /// <summary>Categories kept in the affinity table (the weakest is dropped first). Default 50.</summary>
    [Range(1, 1_000, ErrorMessage = OptionsMessages.Between)]
    public int MaxCategories { get; set; } = 50;

    /// <summary>Time for a category affinity to halve without new events. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan AffinityHalfLife { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long an activation serves reads from memory before it asks the store whether its state is still what it
    /// last read or wrote (ETag): state deleted or rewritten under it (a restore, an operator, a store that lost
    /// data) is then noticed within this time instead of at the next write. Default 30 s (one small read per active
    /// shopper per 30 s); 0 asks on every read.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = OptionsMessages.Between)]
    public TimeSpan StoredStateRecheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The window must cover the sequence, or an event still in the sequence could be recorded twice.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DedupWindow < SequenceLength)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(DedupWindow)} must be at least {nameof(SequenceLength)}, {SequenceLength}", [nameof(DedupWindow)]);
        }
    }
}

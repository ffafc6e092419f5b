namespace EcomOrleans.Grains.Users;

/// <summary>How much of a user's behaviour a <see cref="UserGrain"/> keeps (configuration section <c>Grains:Users</c>).</summary>
public sealed class UserGrainOptions
{
    public const string SectionName = "Grains:Users";

    /// <summary>Events kept in the rolling behaviour sequence. Default 50 (the sequence model's max length).</summary>
    public int SequenceLength { get; set; } = 50;

    /// <summary>Most recent event ids remembered for idempotency. Default 1,000.</summary>
    public int DedupWindow { get; set; } = 1_000;

    /// <summary>Recent sessions kept. Default 20.</summary>
    public int MaxSessions { get; set; } = 20;

    /// <summary>Categories kept in the affinity table (the weakest is dropped first). Default 50.</summary>
    public int MaxCategories { get; set; } = 50;

    /// <summary>Time for a category affinity to halve without new events. Default 7 days.</summary>
    public TimeSpan AffinityHalfLife { get; set; } = TimeSpan.FromDays(7);

    internal IEnumerable<string> Validate()
    {
        if (SequenceLength is < 1 or > 1_000) yield return $"{SectionName}:SequenceLength must be between 1 and 1000 (was {SequenceLength}).";
        if (DedupWindow < SequenceLength) yield return $"{SectionName}:DedupWindow must be at least SequenceLength (was {DedupWindow}).";
        if (MaxSessions is < 1 or > 1_000) yield return $"{SectionName}:MaxSessions must be between 1 and 1000 (was {MaxSessions}).";
        if (MaxCategories is < 1 or > 1_000) yield return $"{SectionName}:MaxCategories must be between 1 and 1000 (was {MaxCategories}).";
        if (AffinityHalfLife <= TimeSpan.Zero) yield return $"{SectionName}:AffinityHalfLife must be positive (was {AffinityHalfLife}).";
    }
}

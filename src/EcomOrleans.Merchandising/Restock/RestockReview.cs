namespace EcomOrleans.Merchandising.Restock;

/// <summary>What a rule sees at a review in a simulation: the demand so far and the stock, at the end of the review day.</summary>
public readonly ref struct RestockReview
{
    /// <summary>Units demanded each day up to and including the review day, oldest first; nothing after it.</summary>
    public required ReadOnlySpan<float> History { get; init; }

    /// <summary>Units on hand after the review day's demand was served.</summary>
    public required double OnHand { get; init; }

    /// <summary>Units ordered and not yet arrived.</summary>
    public required double OnOrder { get; init; }

    /// <summary>The simulation's lead time in days.</summary>
    public required int LeadTimeDays { get; init; }

    /// <summary>The simulation's review period in days.</summary>
    public required int ReviewPeriodDays { get; init; }
}

namespace EcomOrleans.Inference;

/// <summary>Who is waiting: the batcher serves a higher priority first and sheds a lower one first.</summary>
public enum InferencePriority
{
    /// <summary>A shopper's page is waiting (tens of ms budget).</summary>
    Storefront = 0,

    /// <summary>The customer-service bot is waiting.</summary>
    Bot = 1,

    /// <summary>Nobody is waiting: refreshes, forecasts, replays.</summary>
    Background = 2,
}

using EcomOrleans.Events;
using EcomOrleans.Recommendations;

namespace EcomOrleans.Users;

/// <summary>One shopper (key: user id; anonymous shoppers use their session id).</summary>
[Alias("ecom.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records this user's events, forwarding item events to their SKU grains, and returns once
    /// every new event is durable. Events whose id was seen before are counted as duplicates.
    /// </summary>
    [Alias("RecordEvents")]
    Task<IngestResult> RecordEventsAsync(IReadOnlyList<BehaviorEvent> events);

    /// <summary>The profile, or <see langword="null"/> when nothing is known of this user.</summary>
    [Alias("GetProfile")]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>
    /// Top-K in-stock SKUs for this user: personalized by the sequence model, then session co-views,
    /// trending and popular as fallbacks, each item with its reason.
    /// </summary>
    [Alias("Recommend")]
    Task<Recommendation> RecommendAsync(RecommendationRequest request);

    /// <summary>
    /// What the shopper most likely wants: the behaviour signals, their needs in words and, when
    /// <paramref name="message"/> is given, its intent from the classifier at bot priority combined with their recent
    /// orders. <see langword="null"/> when nothing is known of the user and no message is given. The message text is
    /// not kept; its intent and time are, in this activation only (the complaint-risk signal reads them).
    /// </summary>
    [Alias("DescribeIntent")]
    Task<UserIntent?> DescribeIntentAsync(string? message);

    /// <summary>Forgets the user: clears the stored state and deactivates.</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}

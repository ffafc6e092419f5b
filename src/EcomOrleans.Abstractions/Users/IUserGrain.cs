using EcomOrleans.Events;

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

    /// <summary>Forgets the user: clears the stored state and deactivates.</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>One interaction of a session data set, with its real time.</summary>
/// <param name="User">The logged-in user where the data set knows one; null for anonymous sessions.</param>
/// <param name="UnixMilliseconds">When it happened, in milliseconds since the Unix epoch.</param>
public readonly record struct RecordedInteraction(long Session, long? User, long Item, long UnixMilliseconds, RecordedKind Kind);

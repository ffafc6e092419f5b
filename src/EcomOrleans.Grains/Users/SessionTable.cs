using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>A user's most recent sessions, at most <see cref="Capacity"/> (the least recently seen goes first).</summary>
public sealed class SessionTable(List<SessionSummary> sessions, int capacity)
{
    public int Capacity { get; } = capacity;

    /// <summary>Counts an event into its session and returns the session id instance the table keeps, so entries share it.</summary>
    public string Touch(string sessionId, DateTimeOffset at)
    {
        var index = sessions.FindIndex(s => string.Equals(s.SessionId, sessionId, StringComparison.Ordinal));
        if (index >= 0)
        {
            var s = sessions[index];
            sessions[index] = s with
            {
                Started = at < s.Started ? at : s.Started,
                LastSeen = at > s.LastSeen ? at : s.LastSeen,
                Events = s.Events + 1,
            };
            return s.SessionId;
        }

        sessions.Add(new SessionSummary(sessionId, at, at, 1));
        if (sessions.Count > Capacity)
        {
            sessions.Remove(sessions.MinBy(s => s.LastSeen)!);
        }

        return sessionId;
    }

    /// <summary>The id instance kept for <paramref name="sessionId"/>, or the argument when the table has none.</summary>
    public string Shared(string sessionId) =>
        sessions.Find(s => string.Equals(s.SessionId, sessionId, StringComparison.Ordinal))?.SessionId ?? sessionId;

    public IReadOnlyList<SessionSummary> MostRecentFirst() => [.. sessions.OrderByDescending(s => s.LastSeen)];
}

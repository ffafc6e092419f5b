using EcomOrleans.Grains.Common;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>A user's most recent sessions, at most <see cref="Capacity"/> (the least recently seen goes first).</summary>
public sealed class SessionTable
{
    private readonly List<SessionSummary> sessions;

    public SessionTable(List<SessionSummary> sessions, int capacity)
    {
        this.sessions = sessions;
        Capacity = capacity;
        BoundedList.TrimToBound(sessions, capacity);
    }

    public int Capacity { get; }

    /// <summary>Counts an event into its session and returns the session id instance the table keeps, so entries share it.</summary>
    public string Touch(string sessionId, DateTimeOffset at)
    {
        var index = IndexOf(sessionId);
        if (index >= 0)
        {
            var s = sessions[index];
            sessions[index] = new SessionSummary(
                s.SessionId, at < s.Started ? at : s.Started, at > s.LastSeen ? at : s.LastSeen, s.Events + 1);
            return s.SessionId;
        }

        if (sessions.Count >= Capacity)
        {
            // Full: the least recently seen goes, the new session itself when it was seen before all kept (on a tie
            // the one kept longer goes, as it always has).
            var oldest = 0;
            for (var i = 1; i < sessions.Count; i++)
            {
                if (sessions[i].LastSeenUtcTicks < sessions[oldest].LastSeenUtcTicks)
                {
                    oldest = i;
                }
            }

            if (at.UtcTicks < sessions[oldest].LastSeenUtcTicks)
            {
                return sessionId;
            }

            sessions.RemoveAt(oldest);
        }

        BoundedList.EnsureRoomForOne(sessions, Capacity);
        sessions.Add(new SessionSummary(sessionId, at, at, 1));
        return sessionId;
    }

    /// <summary>The id instance kept for <paramref name="sessionId"/>, or the argument when the table has none.</summary>
    public string Shared(string sessionId)
    {
        var index = IndexOf(sessionId);
        return index >= 0 ? sessions[index].SessionId : sessionId;
    }

    public IReadOnlyList<SessionSummary> MostRecentFirst() => [.. sessions.OrderByDescending(s => s.LastSeenUtcTicks)];

    private int IndexOf(string sessionId) =>
        sessions.FindIndex(s => string.Equals(s.SessionId, sessionId, StringComparison.Ordinal));
}

using EcomOrleans.Grains.Common;
using EcomOrleans.Users;

namespace EcomOrleans.Grains.Users;

/// <summary>Brings state written before the compact layout into it; a no-op for state written since.</summary>
public static class UserStateMigration
{
    /// <returns>True when something was migrated (the state should be written).</returns>
    public static bool Migrate(UserState state, string userId, int dedupWindow, int sequenceLength)
    {
        var migrated = false;
        if (state.SeenEventIds is { } ids)
        {
            var ring = new DedupRing(state.Dedup, dedupWindow);
            foreach (var id in ids)
            {
                ring.TryAdd(StableHash.Of(userId, id));
            }

            state.SeenEventIds = null;
            migrated = true;
        }

        if (state.Recent is { } recent)
        {
            var sessions = new SessionTable(state.Sessions, int.MaxValue);
            var sequence = new BehaviorSequence(state.Sequence, sequenceLength);
            foreach (var e in recent)
            {
                sequence.Add(SequenceEntry.Of(e, StringPool.Intern(e.Sku), sessions.Shared(e.SessionId)));
            }

            state.Recent = null;
            migrated = true;
        }

        return migrated;
    }

    /// <summary>
    /// Shares the strings a state read made one of per occurrence (every entry's SKU and session id, every category)
    /// and gives back list slots past the configured bounds: what a user held before its deactivation, it holds again
    /// after the next read. A read of a full shopper builds 50 session id and 50 SKU strings (about 7 KB) for what is
    /// 20 sessions and one pooled instance per SKU.
    /// </summary>
    public static void Compact(UserState state, int sequenceLength, int maxSessions, int maxCategories)
    {
        var sessions = new SessionTable(state.Sessions, maxSessions);
        var sequence = state.Sequence;
        for (var i = 0; i < sequence.Count; i++)
        {
            var e = sequence[i];
            var sku = StringPool.Intern(e.Sku);
            var session = sessions.Shared(e.SessionId);
            if (!ReferenceEquals(sku, e.Sku) || !ReferenceEquals(session, e.SessionId))
            {
                sequence[i] = new SequenceEntry(e.Kind, sku, e.Timestamp, session, e.Quantity, e.Price, e.Query);
            }
        }

        var affinities = state.Affinities;
        for (var i = 0; i < affinities.Count; i++)
        {
            var a = affinities[i];
            affinities[i] = a with { Category = StringPool.Intern(a.Category) };
        }

        BoundedList.TrimToBound(sequence, sequenceLength);
        BoundedList.TrimToBound(affinities, maxCategories);
    }
}

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
}

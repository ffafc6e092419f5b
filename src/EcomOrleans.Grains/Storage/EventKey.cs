namespace EcomOrleans.Grains.Storage;

/// <summary>A compact, process-stable 64-bit key for an event (FNV-1a over user id and event id).</summary>
public static class EventKey
{
    public static ulong Of(string userId, string eventId)
    {
        var hash = 14695981039346656037UL;
        hash = Mix(hash, userId);
        hash = (hash ^ '\n') * 1099511628211UL;
        return Mix(hash, eventId);
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

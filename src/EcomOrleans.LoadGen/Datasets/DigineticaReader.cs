using System.Globalization;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>
/// Reads DIGINETICA item views: <c>session_id;user_id;item_id;timeframe;eventdate</c>, where <c>timeframe</c> is
/// milliseconds since the session began and <c>eventdate</c> its day. The data set hides the time of day, so each
/// session starts at a fixed pseudo-random time between 08:00 and 22:00 derived from its id alone.
/// </summary>
public static class DigineticaReader
{
    public static List<RecordedInteraction> Read(TextReader reader)
    {
        var views = new List<RecordedInteraction>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(';');
            if (fields.Length < 5 || !long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var session))
            {
                continue; // the header line
            }

            long? user = long.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? u : null;
            var item = long.Parse(fields[2], CultureInfo.InvariantCulture);
            var sinceStart = long.Parse(fields[3], CultureInfo.InvariantCulture);
            var day = DateOnly.ParseExact(fields[4], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + SessionStart(session);
            views.Add(new RecordedInteraction(session, user, item, start.ToUnixTimeMilliseconds() + sinceStart, RecordedKind.Click));
        }

        return views;
    }

    private static TimeSpan SessionStart(long session)
    {
        var random = new DeterministicRandom(0, "diginetica-session-start", session);
        return TimeSpan.FromSeconds(random.NextInt(8 * 3600, 22 * 3600));
    }
}

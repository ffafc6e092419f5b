using System.Globalization;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Reads the BERT4Rec layout: one <c>user item</c> pair per line, grouped by user, in time order.</summary>
public static class PairSequenceReader
{
    public static List<UserSequence> Read(TextReader reader)
    {
        // Grouped by user in the file, but a user seen again later is appended to, not split in two.
        var byUser = new Dictionary<long, List<int>>();
        var order = new List<long>();
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                continue;
            }

            var user = long.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture);
            var item = int.Parse(line.AsSpan(space + 1).Trim(), CultureInfo.InvariantCulture);
            if (!byUser.TryGetValue(user, out var items))
            {
                byUser[user] = items = [];
                order.Add(user);
            }

            items.Add(item);
        }

        return order.ConvertAll(user => new UserSequence(user, [.. byUser[user]]));
    }
}

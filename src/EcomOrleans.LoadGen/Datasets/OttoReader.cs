using System.Text.Json;

namespace EcomOrleans.LoadGen.Datasets;

/// <summary>Reads OTTO's JSONL sessions; <c>clicks</c>, <c>carts</c> and <c>orders</c> keep their meaning.</summary>
public static class OttoReader
{
    public static List<RecordedInteraction> Read(TextReader reader)
    {
        var interactions = new List<RecordedInteraction>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var session = JsonSerializer.Deserialize(line, DatasetJsonContext.Default.OttoSession)
                ?? throw new InvalidDataException("An OTTO line holds no session.");
            foreach (var e in session.Events)
            {
                interactions.Add(new RecordedInteraction(session.Session, null, e.Aid, e.Ts, KindOf(e.Type)));
            }
        }

        return interactions;
    }

    private static RecordedKind KindOf(string type) => type switch
    {
        "clicks" => RecordedKind.Click,
        "carts" => RecordedKind.Cart,
        "orders" => RecordedKind.Order,
        _ => throw new InvalidDataException($"Unknown OTTO event type '{type}'."),
    };
}

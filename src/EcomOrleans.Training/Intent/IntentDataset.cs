using System.Text;

namespace EcomOrleans.Training.Intent;

/// <summary>Labelled utterances from a CSV with header columns <c>utterance</c> and <c>intent</c> (the Bitext layout).</summary>
internal sealed class IntentDataset
{
    private IntentDataset(IReadOnlyList<LabelledUtterance> rows) => Rows = rows;

    public IReadOnlyList<LabelledUtterance> Rows { get; }

    /// <summary>Intent names in ordinal order: the model's logit i is Labels[i].</summary>
    public IReadOnlyList<string> Labels => [.. Rows.Select(r => r.Intent).Distinct().Order(StringComparer.Ordinal)];

    public static IntentDataset Load(string path) => Parse(File.ReadAllText(path));

    public static IntentDataset Parse(string csv)
    {
        var records = ReadCsv(csv.TrimStart('\uFEFF')).ToList();
        if (records.Count < 2)
        {
            throw new InvalidDataException("The CSV has no data rows.");
        }

        var header = records[0];
        var text = Array.IndexOf(header, "utterance");
        var intent = Array.IndexOf(header, "intent");
        var flags = Array.IndexOf(header, "flags");
        if (text < 0 || intent < 0)
        {
            throw new InvalidDataException("The CSV header needs 'utterance' and 'intent' columns.");
        }

        return new IntentDataset([.. records.Skip(1)
            .Where(r => r.Length > Math.Max(text, intent) && r[text].Length > 0)
            .Select(r => new LabelledUtterance(r[text], r[intent], flags >= 0 && flags < r.Length ? r[flags] : ""))]);
    }

    /// <summary>
    /// A stratified split: within each intent, a seeded shuffle puts <paramref name="fraction"/>
    /// of its rows (at least one) on the held-out side.
    /// </summary>
    public static (List<LabelledUtterance> Kept, List<LabelledUtterance> HeldOut) Split(IEnumerable<LabelledUtterance> rows, double fraction, int seed)
    {
        var kept = new List<LabelledUtterance>();
        var heldOut = new List<LabelledUtterance>();
        foreach (var group in rows.GroupBy(r => r.Intent).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            new Random(unchecked((seed * 1_000_003) + StableHash(group.Key))).Shuffle(members);
            var count = Math.Max(1, (int)Math.Round(members.Length * fraction));
            heldOut.AddRange(members[..count]);
            kept.AddRange(members[count..]);
        }

        return (kept, heldOut);
    }

    /// <summary>
    /// Held out by phrasing, not by row: every utterance that opens with the same two words goes to the same side, so
    /// the held-out rows are worded in ways the kept rows never start with. About <paramref name="fraction"/> of the
    /// openings (seeded) are held out.
    /// </summary>
    public static (List<LabelledUtterance> Kept, List<LabelledUtterance> HeldOut) SplitByOpening(IEnumerable<LabelledUtterance> rows, double fraction, int seed)
    {
        var kept = new List<LabelledUtterance>();
        var heldOut = new List<LabelledUtterance>();
        foreach (var row in rows)
        {
            (IsHeldOut(row.Text, fraction, seed) ? heldOut : kept).Add(row);
        }

        return (kept, heldOut);
    }

    /// <summary>Whether <see cref="SplitByOpening"/> with these settings holds out text opening as <paramref name="text"/> does.</summary>
    public static bool IsHeldOut(string text, double fraction, int seed)
    {
        var buckets = (int)Math.Round(1 / fraction);
        return (uint)unchecked(StableHash(Opening(text)) + (seed * 7919)) % (uint)buckets == 0;
    }

    /// <summary>The first two words, lower-case: what <see cref="SplitByOpening"/> keeps together.</summary>
    public static string Opening(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2));

    private static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));

    /// <summary>RFC 4180 fields: commas separate, quotes enclose, doubled quotes escape.</summary>
    public static IEnumerable<string[]> ReadCsvRows(string csv) => ReadCsv(csv);

    private static IEnumerable<string[]> ReadCsv(string csv)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return [.. fields];
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}

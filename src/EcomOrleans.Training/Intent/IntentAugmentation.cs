namespace EcomOrleans.Training.Intent;

/// <summary>
/// More copies of a training utterance in the ways shoppers write that Bitext barely has: with typing slips (a
/// letter dropped, doubled or swapped, about one in twelve), as keywords only (the first four words that are not
/// function words or Bitext's {{slot}} placeholders), and, with <c>casual</c>, as chat (lower case, no punctuation,
/// no slots, common contractions: "i want to" as "wanna", "you" as "u"). Seeded, so the same seed writes the same copies.
/// </summary>
internal static class IntentAugmentation
{
    private static readonly HashSet<string> FunctionWords = new(
        "i me my we you your the a an to of for and or is are am be can could would will do does did how what where when why please pls want need help with on in it this that have has get like just so about from at".Split(' '),
        StringComparer.Ordinal);

    public static IEnumerable<LabelledUtterance> Augment(IReadOnlyList<LabelledUtterance> rows, int seed, bool casual = false)
    {
        var random = new Random(seed);
        foreach (var row in rows)
        {
            yield return row with { Text = Typos(row.Text, random), Flags = row.Flags + "+typos" };
            if (Keywords(row.Text) is { Length: > 0 } keywords)
            {
                yield return row with { Text = keywords, Flags = row.Flags + "+keywords" };
            }

            if (casual && Casual(row.Text) is { Length: > 0 } chat && !string.Equals(chat, row.Text, StringComparison.Ordinal))
            {
                yield return row with { Text = chat, Flags = row.Flags + "+casual" };
            }
        }
    }

    /// <summary>Chat contractions, longest first; applied to lower-case text with spaces around it.</summary>
    private static readonly (string From, string To)[] Contractions =
    [
        (" i would like to ", " id like to "), (" i want to ", " wanna "), (" i'd like to ", " wanna "), (" i need to ", " gotta "),
        (" i am going to ", " im gonna "), (" going to ", " gonna "), (" give me ", " gimme "), (" let me ", " lemme "),
        (" could you ", " can u "), (" can you ", " can u "), (" would you ", " can u "), (" i am ", " im "), (" i'm ", " im "),
        (" do not ", " dont "), (" don't ", " dont "), (" cannot ", " cant "), (" can't ", " cant "), (" please ", " pls "),
        (" you ", " u "), (" your ", " ur "), (" are ", " r "), (" thank you ", " thx "),
    ];

    public static string Casual(string text)
    {
        var words = text.ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('?', '.', ',', '!', ';', ':'))
            .Where(w => w.Length > 0 && !w.Contains("{{", StringComparison.Ordinal) && !w.Contains("}}", StringComparison.Ordinal));
        var chat = " " + string.Join(' ', words) + " ";
        foreach (var (from, to) in Contractions)
        {
            chat = chat.Replace(from, to, StringComparison.Ordinal);
        }

        return chat.Trim();
    }

    public static string Typos(string text, Random random)
    {
        var letters = text.ToLowerInvariant().ToList();
        for (var slip = 0; slip < Math.Max(1, letters.Count / 12); slip++)
        {
            var at = random.Next(letters.Count);
            if (!char.IsLetter(letters[at]))
            {
                continue;
            }

            switch (random.Next(3))
            {
                case 0:
                    letters.RemoveAt(at);
                    break;
                case 1 when at + 1 < letters.Count:
                    (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
                    break;
                default:
                    letters.Insert(at, letters[at]);
                    break;
            }
        }

        return new string([.. letters]);
    }

    public static string Keywords(string text) => string.Join(' ', text.ToLowerInvariant()
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => w.Trim('?', '.', ',', '!', ';', ':'))
        .Where(w => w.Length > 0 && !FunctionWords.Contains(w) && !w.Contains("{{", StringComparison.Ordinal) && !w.Contains("}}", StringComparison.Ordinal))
        .Take(4));
}

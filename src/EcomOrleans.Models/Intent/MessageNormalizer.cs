using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace EcomOrleans.Models.Intent;

/// <summary>
/// Rewrites a message's chat shorthand and misspelled words before it is tokenized, the same for training and
/// serving: WordPiece splits "pasword" into pieces the encoder has no sense of, and "u" or "pw" are words it
/// barely knows. Two steps, word by word, everything else (punctuation, spacing, and Bitext's <c>{{slot}}</c>
/// placeholders whole) left as it is; a word is letters of any script and digits, joined by apostrophes or hyphens
/// ("don't", "e-mail" and "Müller" are one word each):
/// <list type="number">
/// <item>a word in <see cref="Shorthand"/> (chat abbreviations and contractions written without the apostrophe) is
/// replaced by what it stands for;</item>
/// <item>a word of <see cref="MinimumLength"/> to <see cref="MaximumLength"/> letters a to z that is not a whole word of the encoder's vocabulary
/// is replaced by the training corpus's most frequent word one edit away (a letter dropped, added, changed, or two
/// swapped: Damerau-Levenshtein 1), when that word is at least <see cref="DominanceRatio"/> times as frequent as the
/// word itself, and seen at least <see cref="MinimumCount"/> times. The frequencies are the model's
/// <see cref="ModelFileRoles.Spelling"/> file, written by the training tool from its training rows.</item>
/// </list>
/// Thread-safe once made. A word the vocabulary has costs one lookup; one it lacks costs a lookup for each of its
/// 53 × length + 25 one-edit candidates (449 for eight letters), made in one stack buffer: about 16 µs and
/// 2 KB allocated for a message of a few words with two misspellings on the 2-core development VM, beside
/// milliseconds of the encoder.
/// </summary>
public sealed partial class MessageNormalizer
{
    /// <summary>Shorter words are never corrected: one edit away from a three-letter word is too many other words.</summary>
    public const int MinimumLength = 4;

    /// <summary>Longer words are left as they are: no misspelling of an English word is this long, and it bounds the work.</summary>
    public const int MaximumLength = 24;

    /// <summary>How many times as often as the word itself a correction must occur in the training rows.</summary>
    public const int DominanceRatio = 10;

    /// <summary>How many times a correction must occur in the training rows to be trusted at all.</summary>
    public const int MinimumCount = 3;

    /// <summary>
    /// Chat abbreviations and apostrophe-less contractions, lower case. A general list written for this model; words
    /// that are also ordinary English ("id", "us", "its") are left out.
    /// </summary>
    public static readonly FrozenDictionary<string, string> Shorthand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["ya"] = "you", ["yr"] = "your",
        ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks", ["thnx"] = "thanks", ["ty"] = "thank you",
        ["wanna"] = "want to", ["gonna"] = "going to", ["gotta"] = "got to", ["gimme"] = "give me", ["lemme"] = "let me",
        ["dunno"] = "don't know", ["idk"] = "i don't know", ["nvm"] = "never mind", ["rn"] = "right now",
        ["dont"] = "don't", ["cant"] = "can't", ["wont"] = "won't", ["didnt"] = "didn't", ["doesnt"] = "doesn't",
        ["isnt"] = "isn't", ["havent"] = "haven't", ["hasnt"] = "hasn't", ["wasnt"] = "wasn't", ["arent"] = "aren't",
        ["couldnt"] = "couldn't", ["shouldnt"] = "shouldn't", ["wouldnt"] = "wouldn't",
        ["im"] = "i'm", ["ive"] = "i've", ["whats"] = "what's", ["wheres"] = "where's", ["hows"] = "how's",
        ["theres"] = "there's", ["thats"] = "that's",
        ["til"] = "until", ["till"] = "until", ["b4"] = "before", ["tmrw"] = "tomorrow", ["asap"] = "as soon as possible",
        ["bc"] = "because", ["cuz"] = "because", ["coz"] = "because", ["abt"] = "about", ["ppl"] = "people",
        ["hrs"] = "hours", ["mins"] = "minutes", ["msg"] = "message",
        ["pw"] = "password", ["pwd"] = "password", ["passwd"] = "password", ["acct"] = "account", ["addr"] = "address",
        ["pkg"] = "package", ["qty"] = "quantity", ["pmt"] = "payment",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    private readonly HashSet<string> _known;
    private readonly Dictionary<string, int> _frequency;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="vocabularyWords">The encoder vocabulary's whole words (not <c>##</c> pieces): never corrected.</param>
    /// <param name="frequency">How often each lower-case word occurs in the training rows.</param>
    public MessageNormalizer(IEnumerable<string> vocabularyWords, IReadOnlyDictionary<string, int> frequency)
    {
        ArgumentNullException.ThrowIfNull(vocabularyWords);
        ArgumentNullException.ThrowIfNull(frequency);
        _known = new HashSet<string>(vocabularyWords.Where(w => !w.StartsWith("##", StringComparison.Ordinal)), StringComparer.Ordinal);
        _frequency = new Dictionary<string, int>(frequency, StringComparer.Ordinal);
        _lookup = _frequency.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The normalizer a model was trained with: made from its <see cref="ModelFileRoles.Spelling"/> file and the
    /// encoder's vocabulary when its manifest lists one, null when the model reads messages as written.
    /// </summary>
    /// <exception cref="InvalidDataException">The spelling file is malformed.</exception>
    /// <exception cref="IOException">The spelling file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The spelling file may not be read.</exception>
    /// <param name="vocabularyTokens">The encoder vocabulary's tokens, asked for only when the model has a spelling file.</param>
    public static MessageNormalizer? ForModel(ModelManifest manifest, string directory, Func<IEnumerable<string>> vocabularyTokens)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(vocabularyTokens);
        return manifest.Files.Any(f => f.Role == ModelFileRoles.Spelling)
            ? new MessageNormalizer(vocabularyTokens(), ReadSpelling(manifest.PathOf(directory, ModelFileRoles.Spelling)))
            : null;
    }

    /// <summary>The tokens of a WordPiece vocabulary file's bytes (UTF-8, one a line).</summary>
    public static string[] ReadVocabulary(byte[] vocabulary) =>
        Encoding.UTF8.GetString(vocabulary).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToArray();

    /// <summary>The message with its shorthand expanded and its misspelled words corrected.</summary>
    public string Normalize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WordPattern().Replace(message, match => Rewrite(match.Value));
    }

    /// <summary>The lower-case words of <paramref name="texts"/> and how often each occurs: the spelling file's contents.</summary>
    public static Dictionary<string, int> CountWords(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match match in WordPattern().Matches(text))
            {
                var word = match.Value.ToLowerInvariant();
                if (IsLetters(word))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>Writes <paramref name="counts"/> as the spelling file: <c>word TAB count</c> a line, most frequent first.</summary>
    public static void WriteSpelling(string path, IReadOnlyDictionary<string, int> counts) =>
        File.WriteAllLines(path, counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key + "\t" + c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Reads a spelling file written by <see cref="WriteSpelling"/>.</summary>
    /// <exception cref="InvalidDataException">A line is not a lower-case word, a tab and a positive count.</exception>
    public static Dictionary<string, int> ReadSpelling(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !IsLetters(line[..tab])
                || !int.TryParse(line.AsSpan(tab + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)} line {number}: expected a lower-case word, a tab and a positive count.");
            }

            counts[line[..tab]] = count;
        }

        return counts;
    }

    private string Rewrite(string word)
    {
        if (word.StartsWith("{{", StringComparison.Ordinal))
        {
            return word;
        }

        var lower = word.ToLowerInvariant();
        if (Shorthand.TryGetValue(lower, out var expanded))
        {
            return expanded;
        }

        if (lower.Length is < MinimumLength or > MaximumLength || !IsLetters(lower) || _known.Contains(lower))
        {
            return word;
        }

        var own = _frequency.GetValueOrDefault(lower);
        string? best = null;
        var bestCount = 0;
        // Every string one deletion, transposition, substitution or insertion of a lower-case letter away, built in
        // one buffer and looked up as a span: only the answer is a new string.
        Span<char> edit = stackalloc char[MaximumLength + 1];
        var n = lower.Length;
        for (var i = 0; i <= n; i++)
        {
            if (i < n)
            {
                lower.AsSpan(0, i).CopyTo(edit);
                lower.AsSpan(i + 1).CopyTo(edit[i..]);
                Consider(edit[..(n - 1)], own, ref best, ref bestCount);
            }

            if (i < n - 1)
            {
                lower.AsSpan().CopyTo(edit);
                (edit[i], edit[i + 1]) = (lower[i + 1], lower[i]);
                Consider(edit[..n], own, ref best, ref bestCount);
            }

            foreach (var letter in Letters)
            {
                if (i < n && letter != lower[i])
                {
                    lower.AsSpan().CopyTo(edit);
                    edit[i] = letter;
                    Consider(edit[..n], own, ref best, ref bestCount);
                }

                lower.AsSpan(0, i).CopyTo(edit);
                edit[i] = letter;
                lower.AsSpan(i).CopyTo(edit[(i + 1)..]);
                Consider(edit[..(n + 1)], own, ref best, ref bestCount);
            }
        }

        return best ?? word;
    }

    private void Consider(ReadOnlySpan<char> candidate, int own, ref string? best, ref int bestCount)
    {
        // Ties go to the ordinal-first candidate, so the answer does not depend on the order edits are made in.
        if (_lookup.TryGetValue(candidate, out var key, out var count) && count >= MinimumCount && count >= (long)DominanceRatio * own
            && (count > bestCount || (count == bestCount && string.CompareOrdinal(key, best) < 0)))
        {
            (best, bestCount) = (key, count);
        }
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A <c>{{slot}}</c> placeholder, or a word: letters of any script and digits, joined by apostrophes or hyphens.</summary>
    [GeneratedRegex(@"\{\{[^{}]*\}\}|[\p{L}\p{Nd}]+(?:['\-][\p{L}\p{Nd}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

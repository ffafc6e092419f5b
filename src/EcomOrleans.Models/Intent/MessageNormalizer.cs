using System.Text;
using System.Text.RegularExpressions;

namespace EcomOrleans.Models.Intent;

/// <summary>
/// Rewrites a message's chat shorthand and misspelled words before it is tokenized, the same for training and
/// serving: WordPiece splits "pasword" into pieces the encoder has no sense of, and "u" or "pw" are words it
/// barely knows. Two steps, word by word, everything else (punctuation, digits, <c>{{slot}}</c> placeholders, spacing)
/// left as it is:
/// <list type="number">
/// <item>a word in <see cref="Shorthand"/> (chat abbreviations and contractions written without the apostrophe) is
/// replaced by what it stands for;</item>
/// <item>a word of at least <see cref="MinimumLength"/> letters that is not a whole word of the encoder's vocabulary
/// is replaced by the training corpus's most frequent word one edit away (a letter dropped, added, changed, or two
/// swapped: Damerau-Levenshtein 1), when that word is at least <see cref="DominanceRatio"/> times as frequent as the
/// word itself, and seen at least <see cref="MinimumCount"/> times. The frequencies are the model's
/// <see cref="ModelFileRoles.Spelling"/> file, written by the training tool from its training rows.</item>
/// </list>
/// Thread-safe once made. A word the vocabulary has costs one lookup; one it lacks costs a lookup for each of its
/// 54 × length + 25 one-edit candidates (about 460 for eight letters), small beside the encoder's run.
/// </summary>
public sealed partial class MessageNormalizer
{
    public const int MinimumLength = 4;

    public const int DominanceRatio = 10;

    public const int MinimumCount = 3;

    /// <summary>
    /// Chat abbreviations and apostrophe-less contractions, lower case. A general list written for this model; words
    /// that are also ordinary English ("id", "us", "its") are left out.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Shorthand = new Dictionary<string, string>(StringComparer.Ordinal)
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
    };

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    private readonly HashSet<string> _known;
    private readonly Dictionary<string, int> _frequency;

    /// <param name="vocabularyWords">The encoder vocabulary's whole words (not <c>##</c> pieces): never corrected.</param>
    /// <param name="frequency">How often each lower-case word occurs in the training rows.</param>
    public MessageNormalizer(IEnumerable<string> vocabularyWords, IReadOnlyDictionary<string, int> frequency)
    {
        ArgumentNullException.ThrowIfNull(vocabularyWords);
        ArgumentNullException.ThrowIfNull(frequency);
        _known = new HashSet<string>(vocabularyWords.Where(w => !w.StartsWith("##", StringComparison.Ordinal)), StringComparer.Ordinal);
        _frequency = new Dictionary<string, int>(frequency, StringComparer.Ordinal);
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
        var lower = word.ToLowerInvariant();
        if (Shorthand.TryGetValue(lower, out var expanded))
        {
            return expanded;
        }

        if (lower.Length < MinimumLength || !IsLetters(lower) || _known.Contains(lower))
        {
            return word;
        }

        var own = _frequency.GetValueOrDefault(lower);
        var (best, bestCount) = (word, 0);
        foreach (var candidate in Edits(lower))
        {
            // Ties go to the ordinal-first candidate, so the answer does not depend on the order edits are made in.
            if (_frequency.TryGetValue(candidate, out var count) && count >= MinimumCount && count >= (long)DominanceRatio * own
                && (count > bestCount || (count == bestCount && string.CompareOrdinal(candidate, best) < 0)))
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }

    /// <summary>Every string one deletion, transposition, substitution or insertion of a lower-case letter away.</summary>
    private static IEnumerable<string> Edits(string word)
    {
        var builder = new StringBuilder(word.Length + 1);
        for (var i = 0; i <= word.Length; i++)
        {
            if (i < word.Length)
            {
                yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            }

            if (i < word.Length - 1)
            {
                builder.Clear().Append(word).Remove(i, 2).Insert(i, new[] { word[i + 1], word[i] });
                yield return builder.ToString();
            }

            foreach (var letter in Letters)
            {
                if (i < word.Length && letter != word[i])
                {
                    builder.Clear().Append(word)[i] = letter;
                    yield return builder.ToString();
                }

                yield return string.Concat(word.AsSpan(0, i), [letter], word.AsSpan(i));
            }
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

    /// <summary>A word: letters and digits, with apostrophes inside ("don't" stays one word).</summary>
    [GeneratedRegex(@"[A-Za-z0-9]+(?:'[A-Za-z]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}

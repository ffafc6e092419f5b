using System.Text.Json.Nodes;

namespace EcomOrleans.Training.Intent;

/// <summary>
/// The committed challenge set (<c>tests/data/intent-challenge.csv</c>): messages written the way shoppers write,
/// each with the intents that count as right (<c>out_of_scope</c> when the answer must be the fallback).
/// </summary>
internal static class ChallengeSet
{
    public const string OutOfScope = "out_of_scope";

    internal sealed record Message(string Text, IReadOnlyList<string> Intents, string Style)
    {
        public bool InScope => Intents[0] != OutOfScope;
    }

    public static IReadOnlyList<Message> Load(string path)
    {
        var rows = IntentDataset.ReadCsvRows(File.ReadAllText(path).TrimStart('\uFEFF')).ToList();
        var header = rows[0];
        var (message, intents, style) = (Array.IndexOf(header, "message"), Array.IndexOf(header, "intents"), Array.IndexOf(header, "style"));
        if (message < 0 || intents < 0 || style < 0)
        {
            throw new InvalidDataException($"{path}: the header needs 'message', 'intents' and 'style' columns.");
        }

        return [.. rows.Skip(1).Where(r => r.Length > 2).Select(r => new Message(r[message], r[intents].Split('|'), r[style]))];
    }

    /// <summary>
    /// Accuracy and macro-F1 on the in-scope messages without a fallback (a multi-intent message is right when the
    /// top intent is any of its intents), and with the fallback under <paramref name="threshold"/>: how many in-scope
    /// messages are answered and how many of those rightly, and how many out-of-scope ones fall back.
    /// </summary>
    /// <param name="inScope">Each message's in-scope score, when the model has one: under <paramref name="inScopeThreshold"/> it falls back too.</param>
    public static JsonObject Score(
        IReadOnlyList<Message> messages, float[][] probabilities, IReadOnlyList<string> labels, double threshold, float[]? inScope = null, double inScopeThreshold = 0)
    {
        var truth = new List<int>();
        var predicted = new List<int>();
        var (answered, answeredRight, outOfScope, outOfScopeFallback) = (0, 0, 0, 0);
        var styles = new Dictionary<string, (int Right, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var p = probabilities[i];
            var top = Array.IndexOf(p, p.Max());
            var fallback = p[top] < threshold || (inScope is not null && inScope[i] < inScopeThreshold);
            var m = messages[i];
            if (!m.InScope)
            {
                outOfScope++;
                outOfScopeFallback += fallback ? 1 : 0;
                continue;
            }

            var right = m.Intents.Contains(labels[top]);
            truth.Add(right ? top : IndexOf(labels, m.Intents[0]));
            predicted.Add(top);
            var style = styles.GetValueOrDefault(m.Style);
            styles[m.Style] = (style.Right + (right ? 1 : 0), style.Count + 1);
            if (!fallback)
            {
                answered++;
                answeredRight += right ? 1 : 0;
            }
        }

        var metrics = ClassificationMetrics.Compute(truth, predicted, labels.Count);
        var byStyle = new JsonObject();
        foreach (var (style, (right, count)) in styles.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            byStyle[style] = new JsonObject { ["messages"] = count, ["accuracy"] = Math.Round((double)right / count, 4) };
        }

        return new JsonObject
        {
            ["inScope"] = truth.Count,
            ["accuracy"] = Math.Round(metrics.Accuracy, 4),
            ["macroF1"] = Math.Round(metrics.MacroF1, 4),
            ["answeredAboveThreshold"] = answered,
            ["answeredRight"] = answeredRight,
            ["outOfScope"] = outOfScope,
            ["outOfScopeFallback"] = outOfScopeFallback,
            ["byStyle"] = byStyle,
            ["worstIntents"] = IntentModelFiles.WorstIntents(metrics, labels),
        };
    }

    /// <summary>The in-scope messages whose top intent is not one of theirs: a tab-separated line each (style, message, intents, top intent, its probability).</summary>
    public static IEnumerable<string> Misses(IReadOnlyList<Message> messages, float[][] probabilities, IReadOnlyList<string> labels)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var p = probabilities[i];
            var top = Array.IndexOf(p, p.Max());
            if (messages[i].InScope && !messages[i].Intents.Contains(labels[top]))
            {
                yield return string.Join('\t', messages[i].Style, messages[i].Text, string.Join('|', messages[i].Intents), labels[top], p[top].ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> labels, string intent)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == intent)
            {
                return i;
            }
        }

        throw new InvalidDataException($"The challenge set names intent '{intent}', which the model does not have.");
    }
}

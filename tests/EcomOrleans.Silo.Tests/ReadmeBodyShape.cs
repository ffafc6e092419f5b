using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EcomOrleans.Silo.Tests;

/// <summary>
/// Matches an answer against the body README shows for it. The shown body is JSON with three liberties: a bare
/// <c>...</c> in an object allows more properties, and at the end of an array more items; a string holding
/// <c>...</c> matches any string that starts with what comes before it; and a number written with a fraction matches
/// any number (a score, a price), while a whole number must be that number. Anything else must be equal, and a body
/// that is not JSON must be the same text.
/// </summary>
internal static class ReadmeBodyShape
{
    private const string Elided = "\u2026elided\u2026";

    public static void AssertMatches(string shown, string actual, string what)
    {
        if (!shown.StartsWith('{') && !shown.StartsWith('['))
        {
            Assert.True(shown == actual.Trim(), $"{what}: README shows '{shown}', the engine answered '{actual}'.");
            return;
        }

        var expected = JsonNode.Parse(Expand(shown)) ?? throw new InvalidOperationException($"{what}: README shows JSON null.");
        JsonNode? answer;
        try
        {
            answer = JsonNode.Parse(actual);
        }
        catch (System.Text.Json.JsonException)
        {
            Assert.Fail($"{what}: README shows JSON, the engine answered '{actual}'.");
            return;
        }

        var problem = Compare(expected, answer, "$");
        Assert.True(problem is null, $"{what}: {problem}\nREADME shows: {shown}\nthe engine answered: {actual}");
    }

    /// <summary>Turns each bare <c>...</c> into JSON: a property <c>"…elided…1": true</c> (numbered) in an object, an item in an array.</summary>
    internal static string Expand(string shown)
    {
        var json = new StringBuilder(shown.Length);
        var containers = new Stack<char>();
        var inString = false;
        var elisions = 0;
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (inString)
            {
                json.Append(c);
                if (c == '\\' && i + 1 < shown.Length)
                {
                    json.Append(shown[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    containers.Push(c);
                    break;
                case '}' or ']' when containers.Count > 0:
                    containers.Pop();
                    break;
                case '.' when string.CompareOrdinal(shown, i, "...", 0, 3) == 0:
                    json.Append(containers.TryPeek(out var open) && open == '{' ? $"\"{Elided}{++elisions}\":true" : $"\"{Elided}\"");
                    i += 2;
                    continue;
            }

            json.Append(c);
        }

        return json.ToString();
    }

    private static string? Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                return actual is null ? null : $"{path}: expected null, got {actual.ToJsonString()}";
            case JsonObject shownObject:
                if (actual is not JsonObject answerObject)
                {
                    return $"{path}: expected an object, got {actual?.ToJsonString() ?? "null"}";
                }

                var open = shownObject.Any(p => p.Key.StartsWith(Elided, StringComparison.Ordinal));
                foreach (var (name, value) in shownObject)
                {
                    if (name.StartsWith(Elided, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (!answerObject.TryGetPropertyValue(name, out var answerValue))
                    {
                        return $"{path}.{name}: missing";
                    }

                    if (Compare(value, answerValue, $"{path}.{name}") is { } problem)
                    {
                        return problem;
                    }
                }

                var extra = answerObject.Select(p => p.Key).Where(k => !shownObject.ContainsKey(k)).ToList();
                return open || extra.Count == 0 ? null : $"{path}: has {string.Join(", ", extra)}, which README does not show (add them, or '...')";
            case JsonArray shownArray:
                if (actual is not JsonArray answerArray)
                {
                    return $"{path}: expected an array, got {actual?.ToJsonString() ?? "null"}";
                }

                var more = shownArray.Count > 0 && shownArray[^1] is JsonValue last && last.TryGetValue<string>(out var text) && text == Elided;
                var shownItems = more ? shownArray.Count - 1 : shownArray.Count;
                if (more ? answerArray.Count < shownItems : answerArray.Count != shownItems)
                {
                    return $"{path}: expected {(more ? "at least " : "")}{shownItems} items, got {answerArray.Count}";
                }

                for (var i = 0; i < shownItems; i++)
                {
                    if (Compare(shownArray[i], answerArray[i], $"{path}[{i}]") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return CompareValue((JsonValue)expected, actual, path);
        }
    }

    private static string? CompareValue(JsonValue expected, JsonNode? actual, string path)
    {
        var got = actual?.ToJsonString() ?? "null";
        if (expected.TryGetValue<string>(out var shownText))
        {
            if (actual is not JsonValue answer || !answer.TryGetValue<string>(out var text))
            {
                return $"{path}: expected a string, got {got}";
            }

            var elision = shownText.IndexOf("...", StringComparison.Ordinal);
            return elision >= 0
                ? text.StartsWith(shownText[..elision], StringComparison.Ordinal) ? null : $"{path}: expected a string starting '{shownText[..elision]}', got {got}"
                : text == shownText ? null : $"{path}: expected \"{shownText}\", got {got}";
        }

        if (expected.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            if (actual is not JsonValue answer || answer.GetValueKind() != System.Text.Json.JsonValueKind.Number)
            {
                return $"{path}: expected a number, got {got}";
            }

            var shownNumber = expected.ToJsonString();
            return shownNumber.Contains('.', StringComparison.Ordinal)
                || decimal.Parse(shownNumber, CultureInfo.InvariantCulture) == decimal.Parse(answer.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                    ? null
                    : $"{path}: expected {shownNumber}, got {got}";
        }

        return expected.ToJsonString() == got ? null : $"{path}: expected {expected.ToJsonString()}, got {got}";
    }
}

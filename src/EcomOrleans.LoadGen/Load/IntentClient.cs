using System.Net;
using System.Net.Http.Json;

namespace EcomOrleans.LoadGen.Load;

/// <summary>
/// <c>POST /api/users/{userId}/intent</c> with a message as a probe, the bot's call: every answer, a failure included,
/// becomes a <see cref="RecommendationProbe"/> with its status (no items). No retries: under load a failure is counted.
/// Thread-safe; one instance serves a run.
/// </summary>
public sealed class IntentClient(HttpClient http)
{
    public async Task<RecommendationProbe> PostAsync(string userId, string message, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync($"api/users/{Uri.EscapeDataString(userId)}/intent", new { message }, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return new RecommendationProbe((int)response.StatusCode, false, []);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return RecommendationProbe.NoResponse;
        }
    }

    /// <summary>The messages of a CSV whose first column is the text (a header row first), such as <c>tests/data/intent-challenge.csv</c>.</summary>
    public static IReadOnlyList<string> ReadMessages(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The messages file '{path}' does not exist (--messages).", path);
        }

        var messages = File.ReadLines(path).Skip(1).Select(FirstField).Where(m => m.Length > 0).ToList();
        return messages.Count > 0 ? messages : throw new InvalidDataException($"The messages file '{path}' has no messages after its header.");
    }

    /// <summary>The first CSV field of <paramref name="line"/>, unquoted.</summary>
    internal static string FirstField(string line)
    {
        if (!line.StartsWith('"'))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            return (comma < 0 ? line : line[..comma]).Trim();
        }

        var text = new System.Text.StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    text.Append('"');
                    i++;
                    continue;
                }

                break;
            }

            text.Append(line[i]);
        }

        return text.ToString().Trim();
    }
}

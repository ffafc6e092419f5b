using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using EcomOrleans.Events;
using EcomOrleans.Silo.Apis;
using Microsoft.Extensions.Options;

namespace EcomOrleans.Silo.Ingestion;

/// <summary>
/// Checks a batch at the edge and turns it into grain events. A batch is valid as a whole or not at
/// all: every problem is reported under its field path (<c>events[3].sku</c>) and nothing is accepted.
/// </summary>
public sealed partial class EventBatchValidator(IOptions<IngestionOptions> options, TimeProvider time)
{
    public const int MaxQueryLength = 200;
    public const int MaxQuantity = 1_000;
    public const decimal MaxPrice = 1_000_000m;

    private readonly IngestionOptions _options = options.Value;

    /// <summary>
    /// Validates a batch; on success <paramref name="events"/> holds the events in request order, otherwise
    /// <paramref name="rejection"/> says why (<see cref="IngestRejection.Oversized"/> for too many events) and names every problem.
    /// </summary>
    public bool TryValidate(EventBatchRequest? batch, out List<BehaviorEvent> events, [NotNullWhen(false)] out BatchRejection? rejection)
    {
        events = [];
        var reason = IngestRejection.Invalid;
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (batch?.Events is not { } items || items.Count == 0)
        {
            Add(problems, "events", "At least one event is required.");
        }
        else if (items.Count > _options.MaxBatchSize)
        {
            reason = IngestRejection.Oversized;
            Add(problems, "events", $"A batch holds at most {_options.MaxBatchSize} events; this one has {items.Count}.");
        }
        else
        {
            var now = time.GetUtcNow();
            for (var i = 0; i < items.Count; i++)
            {
                if (Validate(items[i], $"events[{i}]", now, problems) is { } valid)
                {
                    events.Add(valid);
                }
            }
        }

        rejection = problems.Count == 0
            ? null
            : new BatchRejection(reason, problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
        return rejection is null;
    }

    /// <summary>Lower-cases, trims and collapses whitespace so that "Red  Shoes " and "red shoes" count as one query.</summary>
    public static string NormalizeQuery(string query) => Whitespace().Replace(query.Trim(), " ").ToLowerInvariant();

    private BehaviorEvent? Validate(EventRequest? e, string path, DateTimeOffset now, Dictionary<string, List<string>> problems)
    {
        if (e is null)
        {
            Add(problems, path, "An event is required, not null.");
            return null;
        }

        var before = problems.Count;
        RequireId(e.EventId, $"{path}.eventId", problems);
        RequireId(e.UserId, $"{path}.userId", problems);
        RequireId(e.SessionId, $"{path}.sessionId", problems);
        if (e.RecommendationId is not null && !Identifiers.IsValidId(e.RecommendationId))
        {
            Add(problems, $"{path}.recommendationId", $"'recommendationId' {Identifiers.IdRule}.");
        }

        EventKind? kind = null;
        if (string.IsNullOrEmpty(e.Kind))
        {
            Add(problems, $"{path}.kind", "'kind' is required.");
        }
        else if (EventKinds.TryParse(e.Kind, out var parsed))
        {
            kind = parsed;
        }
        else
        {
            Add(problems, $"{path}.kind", $"'kind' must be one of {string.Join(", ", EventKinds.AllWireNames)}; got '{Truncate(e.Kind)}'.");
        }

        string? query = null;
        if (kind == EventKind.Search)
        {
            if (string.IsNullOrWhiteSpace(e.Query))
            {
                Add(problems, $"{path}.query", "'query' is required for search events.");
            }
            else if (e.Query.Length > MaxQueryLength)
            {
                Add(problems, $"{path}.query", $"'query' must be at most {MaxQueryLength} characters; got {e.Query.Length}.");
            }
            else if (e.Query.Any(char.IsControl))
            {
                Add(problems, $"{path}.query", "'query' must not contain control characters (such as NUL, tab or newline).");
            }
            else
            {
                query = NormalizeQuery(e.Query);
            }
        }
        else if (kind is not null && e.Query is not null)
        {
            // Not kept on other kinds: accepting it would store nothing and say nothing.
            Add(problems, $"{path}.query", $"'query' belongs to search events only; this is a {e.Kind} event.");
        }

        if (e.Sku is null)
        {
            if (kind is not null and not EventKind.Search)
            {
                Add(problems, $"{path}.sku", $"'sku' is required for {e.Kind} events.");
            }
        }
        else if (!Identifiers.IsValidSku(e.Sku))
        {
            Add(problems, $"{path}.sku", $"'sku' {Identifiers.SkuRule}.");
        }

        if (e.Quantity is null)
        {
            if (kind is EventKind.AddToCart or EventKind.RemoveFromCart or EventKind.Purchase)
            {
                Add(problems, $"{path}.quantity", $"'quantity' is required for {e.Kind} events.");
            }
        }
        else if (e.Quantity is < 1 or > MaxQuantity)
        {
            Add(problems, $"{path}.quantity", $"'quantity' must be between 1 and {MaxQuantity}; got {e.Quantity}.");
        }

        if (e.Price is < 0m or > MaxPrice)
        {
            Add(problems, $"{path}.price", $"'price' must be between 0 and {MaxPrice.ToString(CultureInfo.InvariantCulture)}; got {e.Price.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        var timestamp = ValidateTimestamp(e.Timestamp, $"{path}.timestamp", now, problems);
        if (problems.Count != before || kind is null || timestamp is null)
        {
            return null;
        }

        return new BehaviorEvent(
            e.EventId!, e.UserId!, e.SessionId!, kind.Value, e.Sku, query,
            e.Quantity ?? 1, e.Price, timestamp.Value, e.RecommendationId);
    }

    private DateTimeOffset? ValidateTimestamp(string? value, string field, DateTimeOffset now, Dictionary<string, List<string>> problems)
    {
        if (value is null)
        {
            // Left out: the event happened as it arrived. A producer that may re-send an event late should stamp it,
            // so that its time is when it happened (a re-sent event is dropped by its id either way).
            return now;
        }

        if (value.Length == 0 || !HasOffset(value)
            || !DateTimeOffset.TryParseExact(value, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
        {
            Add(problems, field, $"'timestamp' must be an ISO-8601 date and time with an offset, like 2026-11-23T10:15:00Z; got '{Truncate(value)}'.");
            return null;
        }

        if (timestamp > now + _options.MaxFutureSkew)
        {
            Add(problems, field, $"'timestamp' is more than {_options.MaxFutureSkew.TotalMinutes:0} minutes ahead of the server clock.");
            return null;
        }

        if (timestamp < now - _options.MaxEventAge)
        {
            Add(problems, field, $"'timestamp' is more than {_options.MaxEventAge.TotalDays:0} days old.");
            return null;
        }

        return timestamp;
    }

    private static bool HasOffset(string value) =>
        value[^1] is 'Z' or 'z' || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    private static void RequireId(string? value, string field, Dictionary<string, List<string>> problems)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (string.IsNullOrEmpty(value))
        {
            Add(problems, field, $"'{name}' is required.");
        }
        else if (!Identifiers.IsValidId(value))
        {
            Add(problems, field, $"'{name}' {Identifiers.IdRule}.");
        }
    }

    private static void Add(Dictionary<string, List<string>> problems, string field, string message)
    {
        if (!problems.TryGetValue(field, out var list))
        {
            list = [];
            problems[field] = list;
        }

        list.Add(message);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}

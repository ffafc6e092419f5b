using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EcomOrleans.Client.Models;
using EcomOrleans.Client.Resilience;
using EcomOrleans.Client.Serialization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace EcomOrleans.Client;

/// <summary>
/// The engine's HTTP API, typed; thread-safe, one instance serves a whole application. Get one from
/// <see cref="EcomOrleansClientServiceCollectionExtensions.AddEcomOrleansClient"/>, or without DI from
/// <see cref="Create"/> (retries included) or the constructor (the given <see cref="HttpClient"/>'s own handlers only).
/// </summary>
public sealed class EcomOrleansClient : IEcomOrleansClient, IDisposable
{
    /// <summary>The most events one <c>POST /api/events</c> takes: 500.</summary>
    public const int MaxEventsPerBatch = 500;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _root;
    private readonly string? _apiKey;
    private readonly TimeSpan _timeout;
    private readonly bool _ownsHttp;

    /// <summary>
    /// A client that sends through <paramref name="http"/> as it is: its handlers decide about retries (this constructor
    /// adds none) and its <see cref="HttpClient.Timeout"/> applies to each call.
    /// </summary>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> is invalid; the message names each problem.</exception>
    public EcomOrleansClient(HttpClient http, EcomOrleansClientOptions options)
        : this(http, options, ownsHttp: false)
    {
    }

    private EcomOrleansClient(HttpClient http, EcomOrleansClientOptions options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(http);
        Validate(options);
        _http = http;
        var root = options.BaseAddress!.AbsoluteUri;
        _root = new Uri(root.EndsWith('/') ? root : root + "/", UriKind.Absolute);
        _apiKey = options.ApiKey;
        _timeout = options.Timeout;
        _ownsHttp = ownsHttp;
    }

    /// <summary>
    /// A client with its own connection pool and the resilience pipeline of <paramref name="options"/>: retries of
    /// transient failures, a timeout per attempt. Dispose it when done.
    /// </summary>
    /// <param name="transport">What sends each attempt; a <see cref="SocketsHttpHandler"/> when null. The client disposes it.</param>
    /// <param name="timeProvider">The clock of retry delays and timeouts; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="OptionsValidationException"><paramref name="options"/> is invalid; the message names each problem.</exception>
    public static EcomOrleansClient Create(EcomOrleansClientOptions options, HttpMessageHandler? transport = null, TimeProvider? timeProvider = null)
    {
        Validate(options);
        var pipeline = ClientResilience.Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), options, timeProvider ?? TimeProvider.System).Build();
        var handler = new ResilienceHandler(pipeline)
        {
            InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), UseCookies = false },
        };

        // The pipeline times each attempt; a client-wide timeout would cut the retries short.
        var http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        return new EcomOrleansClient(http, options, ownsHttp: true);
    }

    /// <inheritdoc />
    public async Task<IngestResponse> PostEventsAsync(IReadOnlyList<ShopperEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events.Count, MaxEventsPerBatch, nameof(events));
        var body = Body(new EventBatchRequest(events), ClientJsonContext.Default.EventBatchRequest);
        return (await SendAsync(HttpMethod.Post, "api/events", body, ClientJsonContext.Default.IngestResponse, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<RecommendationResponse> GetRecommendationsAsync(
        string userId, int? count = null, string? sessionId = null, string? category = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>(3);
        if (count is { } take)
        {
            query.Add("count=" + take.ToString(CultureInfo.InvariantCulture));
        }

        if (sessionId is not null)
        {
            query.Add("sessionId=" + Uri.EscapeDataString(sessionId));
        }

        if (category is not null)
        {
            query.Add("category=" + Uri.EscapeDataString(category));
        }

        var path = $"api/users/{Segment(userId)}/recommendations" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        return (await SendAsync(HttpMethod.Get, path, null, ClientJsonContext.Default.RecommendationResponse, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public async Task<SkuResponse> PutSkuAsync(string sku, SkuRequest facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var path = $"api/skus/{Segment(sku)}";
        var body = Body(facts, ClientJsonContext.Default.SkuRequest);
        return (await SendAsync(HttpMethod.Put, path, body, ClientJsonContext.Default.SkuResponse, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    public Task<SkuResponse?> GetSkuAsync(string sku, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"api/skus/{Segment(sku)}", null, ClientJsonContext.Default.SkuResponse, notFoundIsNull: true, cancellationToken);

    /// <inheritdoc />
    public Task<DemandSeries?> GetSkuDemandAsync(string sku, DemandGranularity? granularity = null, CancellationToken cancellationToken = default)
    {
        var query = granularity switch
        {
            null => "",
            DemandGranularity.Hour => "?granularity=hour",
            DemandGranularity.Day => "?granularity=day",
            _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Not a demand granularity."),
        };
        return SendAsync(HttpMethod.Get, $"api/skus/{Segment(sku)}/demand{query}", null, ClientJsonContext.Default.DemandSeries, notFoundIsNull: true, cancellationToken);
    }

    /// <inheritdoc />
    public Task<UserProfile?> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"api/users/{Segment(userId)}", null, ClientJsonContext.Default.UserProfile, notFoundIsNull: true, cancellationToken);

    /// <inheritdoc />
    public Task DeleteUserAsync(string userId, CancellationToken cancellationToken = default) =>
        SendAsync<object>(HttpMethod.Delete, $"api/users/{Segment(userId)}", null, read: null, notFoundIsNull: false, cancellationToken);

    /// <inheritdoc />
    public async Task<DemandGaps> GetDemandGapsAsync(int? count = null, CancellationToken cancellationToken = default)
    {
        var path = "api/insights/demand-gaps" + (count is { } take ? "?count=" + take.ToString(CultureInfo.InvariantCulture) : "");
        return (await SendAsync(HttpMethod.Get, path, null, ClientJsonContext.Default.DemandGaps, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Disposes the <see cref="HttpClient"/> that <see cref="Create"/> made; one passed to the constructor is the caller's.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static void Validate(EcomOrleansClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new EcomOrleansClientOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EcomOrleansClientOptions), result.Failures);
        }
    }

    /// <summary>A route parameter, escaped: <c>u/42</c> is sent as <c>u%2F42</c>, one segment.</summary>
    private static string Segment(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return Uri.EscapeDataString(value);
    }

    private static ByteArrayContent Body<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = Json;
        return content;
    }

    private async Task<T?> SendAsync<T>(
        HttpMethod method, string path, HttpContent? body, JsonTypeInfo<T>? read, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, new Uri(_root, path)) { Content = body };
        if (_apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation(EcomOrleansClientOptions.ApiKeyHeader, _apiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"{method} {request.RequestUri!.PathAndQuery} got no answer within {_timeout.TotalSeconds:0.###} s.", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return read is null
                    ? null
                    : await response.Content.ReadFromJsonAsync(read, cancellationToken).ConfigureAwait(false)
                        ?? throw new JsonException($"{method} {request.RequestUri!.PathAndQuery} answered {(int)response.StatusCode} with a null body.");
            }

            if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            throw await FailureAsync(method, request.RequestUri!.PathAndQuery, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<EcomOrleansApiException> FailureAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemBody? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is { } type && (type == "application/json" || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync(ClientJsonContext.Default.ProblemBody, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not a problem body after all (a proxy's page): the status still says what happened.
            }
        }

        return new EcomOrleansApiException(
            method, path, response.StatusCode, problem?.Title, problem?.Detail, problem?.Errors, problem?.TraceId, response.Headers.RetryAfter?.Delta);
    }
}

using System.Net.Sockets;
using System.Text;
using EcomOrleans.Silo.Tests.Storage;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>
/// The built engine behind real Kestrel, spoken to over a raw socket so that every byte of the request is known: a
/// request line or headers over the limits is answered as problem details naming the size, up to four times the
/// limits; past that, and for whatever Kestrel cannot parse, Kestrel's own refusal with a problem body.
/// </summary>
public sealed class RequestSizeLimitsTests(RequestSizeLimitsTests.Silo silo) : IClassFixture<RequestSizeLimitsTests.Silo>
{

    [Fact]
    public async Task RequestTargetOverTheLimit_Is414ProblemDetailsNamingTheLength()
    {
        var response = await SendAsync($"GET /api/skus/{new string('a', 9_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 414 ", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"detail\":\"The path and query are 9,010 characters; at most 8,192 are accepted.\"", response, StringComparison.Ordinal);
        Assert.Contains("\"traceId\":", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadersOverTheLimit_Are431ProblemDetailsNamingTheirSize()
    {
        // Host 4 + 9, Connection 10 + 5, X-Big 5 + 40,000, and ": " and CRLF (4) for each: 40,045 bytes in 3 lines.
        var response = await SendAsync($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Big: {new string('a', 40_000)}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(
            "\"detail\":\"The request has 3 header lines of 40,045 bytes; at most 100 lines and 32,768 bytes are accepted.\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyHeaderLines_Are431ProblemDetails()
    {
        var headers = string.Concat(Enumerable.Range(0, 120).Select(i => $"X-H{i}: v\r\n"));

        var response = await SendAsync($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n");

        Assert.StartsWith("HTTP/1.1 431 ", response, StringComparison.Ordinal);
        Assert.Contains("\"detail\":\"The request has 122 header lines of ", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestTargetPastKestrelsOwnLimit_IsKestrels414_WithAProblemBody()
    {
        var response = await SendAsync($"GET /api/skus/{new string('a', 40_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 414 ", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.Ordinal);
        Assert.Contains("\"detail\":\"The request line is longer than the server reads (32,768 bytes).\"", response, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET /api/skus/a%00b HTTP/1.1")]
    [InlineData("GET /api/skus/\u00e9 HTTP/1.1")]
    public async Task RequestLineKestrelCannotParse_Is400ProblemDetails(string requestLine)
    {
        var response = await SendAsync($"{requestLine}\r\nHost: 127.0.0.1\r\n\r\n");

        AssertKestrelProblem(response, 400, "Bad Request",
            "The request could not be parsed: a malformed request line or header (raw non-ASCII bytes or an encoded NUL in the path, a header line without a colon).");
    }

    [Fact]
    public async Task HeaderLineWithoutAColon_Is400ProblemDetails()
    {
        var response = await SendAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n");

        AssertKestrelProblem(response, 400, "Bad Request",
            "The request could not be parsed: a malformed request line or header (raw non-ASCII bytes or an encoded NUL in the path, a header line without a colon).");
    }

    [Fact]
    public async Task HttpVersionNotSpoken_Is505ProblemDetails()
    {
        var response = await SendAsync("GET /health/live HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n");

        AssertKestrelProblem(response, 505, "HTTP Version Not Supported", "Only HTTP/1.1 is served (HTTP/1.0 and 2 are understood).");
    }

    [Fact]
    public async Task AGoodRequestThenABadOneOnTheSameConnection_TheFirstIsAnsweredUntouched()
    {
        var response = await SendAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGARBAGE\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", response, StringComparison.Ordinal);
        Assert.Contains("\r\n7\r\nHealthy\r\n0\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsWithinTheLimits_AreServed()
    {
        var response = await SendAsync($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Big: {new string('a', 30_000)}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
    }

    /// <summary>Kestrel's own refusal, with the body it was given: the status line, problem JSON, a trace id, the connection closed.</summary>
    private static void AssertKestrelProblem(string response, int status, string title, string detail)
    {
        Assert.StartsWith($"HTTP/1.1 {status} {title}\r\nContent-Type: application/problem+json\r\nContent-Length: ", response, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", response, StringComparison.Ordinal);
        var body = System.Text.Json.Nodes.JsonNode.Parse(response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!.AsObject();
        Assert.Equal((status, title, detail), ((int)body["status"]!, (string)body["title"]!, (string)body["detail"]!));
        Assert.Matches("^[0-9a-f]{32}$", (string)body["traceId"]!);
    }

    private async Task<string> SendAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(silo.Process.Client.BaseAddress!.Host, silo.Process.Client.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request)); // UTF-8, so that a non-ASCII test sends raw bytes
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token);
    }

    /// <summary>One silo process for the class.</summary>
    public sealed class Silo : IDisposable
    {
        internal SiloProcess Process { get; } = SiloProcess.Start(null, $"test-{Guid.NewGuid():N}");

        public void Dispose() => Process.Dispose();
    }
}

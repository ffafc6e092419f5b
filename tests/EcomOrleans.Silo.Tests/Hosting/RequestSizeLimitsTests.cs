using System.Net.Sockets;
using System.Text;
using EcomOrleans.Silo.Tests.Storage;

namespace EcomOrleans.Silo.Tests.Hosting;

/// <summary>
/// The built engine behind real Kestrel, spoken to over a raw socket so that every byte of the request is known: a
/// request line or headers over the limits is answered as problem details, not with Kestrel's bare 414 or 431, up to
/// four times the limits; past that, Kestrel's own bare answer.
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
    public async Task RequestTargetPastKestrelsOwnLimit_GetsKestrelsBare414()
    {
        var response = await SendAsync($"GET /api/skus/{new string('a', 40_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 414 ", response, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 0", response, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RequestsWithinTheLimits_AreServed()
    {
        var response = await SendAsync($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Big: {new string('a', 30_000)}\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", response, StringComparison.Ordinal);
    }

    private async Task<string> SendAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(silo.Process.Client.BaseAddress!.Host, silo.Process.Client.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
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

using System.Text;
using EcomOrleans.Silo.Hosting;

namespace EcomOrleans.Silo.Tests.Hosting;

public sealed class ServerRejectionsTests
{
    private const string Date = "Date: Wed, 02 Dec 2026 14:11:23 GMT\r\nServer: Kestrel\r\n\r\n";

    [Fact]
    public void Rewrite_KestrelsBareRefusal_GetsAProblemBodyAndKeepsItsOtherHeaders()
    {
        var bare = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n" + Date;

        var rewritten = Encoding.ASCII.GetString(ServerRejections.Rewrite(Encoding.ASCII.GetBytes(bare))!);

        var head = rewritten[..(rewritten.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)];
        var body = rewritten[head.Length..];
        Assert.Equal(
            $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n" + Date,
            head);
        Assert.Matches(
            "^\\{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.1\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"The request could not be parsed: [^\"]+\",\"traceId\":\"[0-9a-f]{32}\"\\}$",
            body);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n" + Date)] // not an error
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json\r\nContent-Length: 80\r\n" + Date)] // the engine's own, with a body
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nDate: Wed, 02 Dec 2026 14:11:23 GMT\r\n\r\n")] // not Kestrel's shape
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n" + Date + "{}")] // more than the head
    [InlineData("HTTP/1.1 400 Bad")] // a head written in pieces
    public void Rewrite_AnythingElse_PassesUntouched(string written)
    {
        Assert.Null(ServerRejections.Rewrite(Encoding.ASCII.GetBytes(written)));
    }
}

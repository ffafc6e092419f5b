using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EcomOrleans.Silo.Hosting;

/// <summary>
/// Kestrel refuses a request it cannot parse (raw non-ASCII bytes or an encoded NUL in the request line, a header
/// line without a colon, an HTTP version it does not speak, a request line or headers past its limits) before any
/// application code runs, with a bare response: <c>HTTP/1.1 400 Bad Request</c>, <c>Content-Length: 0</c>,
/// <c>Connection: close</c>. It has no hook for that body, so a connection middleware watches what Kestrel writes and
/// gives exactly that shape of response a problem details body with a trace id. The application never writes it:
/// every error the engine answers has a body already, and Kestrel puts <c>Content-Length</c> and
/// <c>Connection</c> first only for its own refusals.
/// </summary>
/// <remarks>HTTPS and HTTP/2 bytes never match and pass untouched; the engine serves plain HTTP/1.1 behind its ingress.</remarks>
internal static class ServerRejections
{
    private static readonly byte[] StatusLinePrefix = "HTTP/1.1 "u8.ToArray();
    private static readonly byte[] BareHeaders = "\r\nContent-Length: 0\r\nConnection: close\r\n"u8.ToArray();
    private static readonly byte[] EndOfHeaders = "\r\n\r\n"u8.ToArray();

    /// <summary>The longest bare refusal Kestrel writes: a status line, four short headers.</summary>
    private const int MaxBareResponse = 512;

    public static void Use(ListenOptions listen) => listen.Use(next => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new Pipe(transport.Input, new RewritingWriter(transport.Output));
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    });

    /// <summary>
    /// When <paramref name="written"/> is exactly one of Kestrel's bare refusals, the same response with a problem
    /// details body; otherwise null.
    /// </summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (written.Length > MaxBareResponse || !written.StartsWith(StatusLinePrefix) || !written.EndsWith(EndOfHeaders))
        {
            return null;
        }

        var lineEnd = written.IndexOf("\r\n"u8);
        var statusLine = written[..lineEnd];
        if (statusLine.Length < StatusLinePrefix.Length + 3
            || !int.TryParse(statusLine.Slice(StatusLinePrefix.Length, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            || status < 400
            || !written[lineEnd..].StartsWith(BareHeaders))
        {
            return null;
        }

        var title = Encoding.ASCII.GetString(statusLine[Math.Min(statusLine.Length, StatusLinePrefix.Length + 4)..]);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Problem(TypeOf(status), title, status, DetailOf(status), ActivityTraceId.CreateRandom().ToHexString()), ProblemJsonContext.Default.Problem);
        var rest = written[(lineEnd + BareHeaders.Length)..]; // Kestrel's Date and Server headers, and the blank line
        var head = Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n"));
        return [.. statusLine, .. head, .. rest, .. body];
    }

    private static string TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        431 => "https://tools.ietf.org/html/rfc6585#section-5",
        505 => "https://tools.ietf.org/html/rfc9110#section-15.6.6",
        _ => "https://tools.ietf.org/html/rfc9110#section-15",
    };

    private static string DetailOf(int status) => status switch
    {
        400 => "The request could not be parsed: a malformed request line or header (raw non-ASCII bytes or an encoded NUL in the path, a header line without a colon).",
        408 => "The request headers did not arrive in time.",
        413 => "The request body is larger than the server accepts.",
        414 => string.Create(CultureInfo.InvariantCulture, $"The request line is longer than the server reads ({RequestSizeLimits.MaxRequestTarget * RequestSizeLimits.KestrelHeadroom:N0} bytes)."),
        431 => string.Create(CultureInfo.InvariantCulture, $"The request headers are larger than the server reads ({RequestSizeLimits.MaxHeadersTotalSize * RequestSizeLimits.KestrelHeadroom:N0} bytes or {RequestSizeLimits.MaxHeaderCount * RequestSizeLimits.KestrelHeadroom:N0} lines)."),
        505 => "Only HTTP/1.1 is served (HTTP/1.0 and 2 are understood).",
        _ => "The server refused the request before it reached the engine.",
    };

    internal sealed record Problem(string Type, string Title, int Status, string Detail, string TraceId);

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes every write through, looking only at what each <see cref="Advance"/> commits.</summary>
    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _memory;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _memory = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            if (bytes > 0 && bytes <= _memory.Length && Rewrite(_memory.Span[..bytes]) is { } replacement)
            {
                // Nothing was committed yet: the replacement is written over the same place.
                replacement.CopyTo(inner.GetSpan(replacement.Length));
                _memory = default;
                inner.Advance(replacement.Length);
                return;
            }

            _memory = default;
            inner.Advance(bytes);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ServerRejections.Problem))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ProblemJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

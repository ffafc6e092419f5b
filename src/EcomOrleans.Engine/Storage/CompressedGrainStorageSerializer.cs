using System.IO.Compression;
using Orleans.Storage;

namespace EcomOrleans.Engine.Storage;

/// <summary>
/// Grain state as System.Text.Json (the inner serializer: readable after a rename, with the grains' aliases), written
/// Brotli-compressed when it is long. A full shopper's 22.6 KB of JSON (1,000 dedup keys as base64, 50 sequence
/// entries, 20 sessions) is stored in under 10 KB; most of what is left is the dedup keys, which do not compress.
/// </summary>
/// <remarks>
/// Stored form: plain JSON (it starts with <c>{</c>), or <see cref="Header"/> followed by the Brotli stream of the JSON.
/// Both are read whatever <see cref="StateCompressionOptions.Enabled"/> says, so state written before compression, or
/// by a silo with it off, still loads. To read a compressed record by hand: drop the two header bytes and
/// Brotli-decompress the rest (<c>tail -c +3 state.bin | brotli -d</c>).
/// </remarks>
public sealed class CompressedGrainStorageSerializer(IGrainStorageSerializer inner, StateCompressionOptions options) : IGrainStorageSerializer
{
    /// <summary>0xEC ("engine, compact") and 'B' (Brotli): no JSON text starts with either byte.</summary>
    public static ReadOnlySpan<byte> Header => [0xEC, (byte)'B'];

    /// <summary>The JSON serializer under the compression: what the state size bounds are measured with (an upper bound).</summary>
    public IGrainStorageSerializer Inner => inner;

    public BinaryData Serialize<T>(T? input)
    {
        var json = inner.Serialize(input);
        if (!options.Enabled || json.ToMemory().Length < options.MinimumBytes)
        {
            return json;
        }

        using var stream = new MemoryStream(json.ToMemory().Length / 2);
        stream.Write(Header);
        using (var brotli = new BrotliStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(json.ToMemory().Span);
        }

        return new BinaryData(stream.GetBuffer().AsMemory(0, (int)stream.Length));
    }

    public T? Deserialize<T>(BinaryData input) => inner.Deserialize<T>(Decode(input));

    /// <summary>The JSON of a stored state, decompressed when it was written compressed.</summary>
    /// <exception cref="InvalidDataException">The record has the header but is not a whole Brotli stream.</exception>
    public static BinaryData Decode(BinaryData stored)
    {
        var bytes = stored.ToMemory();
        if (!bytes.Span.StartsWith(Header))
        {
            return stored;
        }

        try
        {
            using var input = stored.ToStream();
            input.Position = Header.Length;
            using var brotli = new BrotliStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream(bytes.Length * 3);
            brotli.CopyTo(output);
            return new BinaryData(output.GetBuffer().AsMemory(0, (int)output.Length));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"A stored grain state starts with the compressed-state header but its {bytes.Length - Header.Length} bytes are not a Brotli stream: {e.Message}", e);
        }
    }
}

using EcomOrleans.Engine.Storage;
using EcomOrleans.Grains.Common;
using EcomOrleans.Grains.Skus;
using EcomOrleans.Grains.Storage;
using EcomOrleans.Grains.Users;
using EcomOrleans.Users;
using EcomOrleans.Silo.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace EcomOrleans.Silo.Tests.Storage;

/// <summary>Grain state as the engine stores it: JSON, Brotli-compressed when long, and either form read back.</summary>
public sealed class CompressedGrainStorageSerializerTests
{
    [Fact]
    public void ALongState_IsStoredCompressedBehindTheHeader_AndReadsBack()
    {
        var (serializer, json) = Serializers();
        var state = FullShopper();

        var stored = serializer.Serialize(state);

        var plain = json.Serialize(state).ToMemory().Length;
        Assert.True(stored.ToMemory().Span.StartsWith(CompressedGrainStorageSerializer.Header), "the header comes first");
        Assert.InRange(stored.ToMemory().Length, 1, plain * 2 / 3); // 1,000 random dedup keys do not compress; the rest does
        var read = serializer.Deserialize<UserState>(stored);
        Assert.Equal(state.Dedup.Keys, read!.Dedup.Keys);
        Assert.Equal(state.Sequence, read.Sequence);
        Assert.Equal(json.Serialize(state).ToString(), CompressedGrainStorageSerializer.Decode(stored).ToString());
    }

    [Fact]
    public void AShortState_StaysPlainJson()
    {
        var (serializer, _) = Serializers();

        var stored = serializer.Serialize(new SkuState { Stock = 3 });

        Assert.StartsWith("{", stored.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, serializer.Deserialize<SkuState>(stored)!.Stock);
    }

    [Fact]
    public void PlainJsonWrittenBeforeCompression_StillReads()
    {
        var (serializer, json) = Serializers();
        var state = FullShopper();

        var read = serializer.Deserialize<UserState>(json.Serialize(state));

        Assert.Equal(state.Sequence, read!.Sequence);
    }

    [Fact]
    public void CompressionOff_WritesPlainJsonEvenWhenLong()
    {
        using var app = EngineComposition.Compose(("Storage:Compression:Enabled", "false"));
        var serializer = app.Services.GetRequiredService<IGrainStorageSerializer>();

        var stored = serializer.Serialize(FullShopper());

        Assert.StartsWith("{", stored.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWithoutABrotliStream_FailsNamingWhatItFound()
    {
        var (serializer, _) = Serializers();
        var broken = new BinaryData([.. CompressedGrainStorageSerializer.Header, 0xFF, 0xFF, 0xFF, 0xFF]);

        var error = Assert.Throws<InvalidDataException>(() => serializer.Deserialize<UserState>(broken));

        Assert.StartsWith("A stored grain state starts with the compressed-state header but its 4 bytes are not a Brotli stream: ", error.Message);
    }

    private static (IGrainStorageSerializer Serializer, IGrainStorageSerializer Json) Serializers()
    {
        using var app = EngineComposition.Compose();
        var serializer = Assert.IsType<CompressedGrainStorageSerializer>(app.Services.GetRequiredService<IGrainStorageSerializer>());
        return (serializer, serializer.Inner);
    }

    /// <summary>A shopper at the default windows: 1,000 remembered event keys and 50 events in the sequence.</summary>
    private static UserState FullShopper()
    {
        var random = new Random(7);
        var state = new UserState();
        var ring = new DedupRing(state.Dedup, 1000);
        for (var i = 0; i < 1000; i++)
        {
            ring.TryAdd((ulong)random.NextInt64());
        }

        var start = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        state.Sequence = [.. Enumerable.Range(0, 50).Select(i => new SequenceEntry(Events.EventKind.View, $"beauty-{random.Next(12_000)}", start.AddMinutes(i), $"s-{i / 10}"))];
        return state;
    }
}

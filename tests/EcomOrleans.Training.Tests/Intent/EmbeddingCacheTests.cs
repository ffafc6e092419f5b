using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Intent;

namespace EcomOrleans.Training.Tests.Intent;

public sealed class EmbeddingCacheTests : IDisposable
{
    private const int D = SentenceEncoderContract.Dimension;

    private readonly string _path = Path.Combine(Path.GetTempPath(), "ecom-embedding-cache-" + Guid.NewGuid().ToString("n"));

    /// <summary>A stand-in encoder: each text's vector is its length in every place, and every call is recorded.</summary>
    private readonly List<string[]> _calls = [];

    private float[] Encode(IReadOnlyList<string> texts)
    {
        _calls.Add([.. texts]);
        return [.. texts.SelectMany(t => Enumerable.Repeat((float)t.Length, D))];
    }

    [Fact]
    public void Encode_SecondRun_EncodesOnlyTheTextsTheFileLacks()
    {
        var first = EmbeddingCache.Encode(_path, "sha-a", ["cancel", "my order", "cancel"], Encode);
        var second = EmbeddingCache.Encode(_path, "sha-a", ["my order", "refund", "cancel"], Encode);

        Assert.Equal([["cancel", "my order"], ["refund"]], _calls);
        Assert.Equal([6f, 8f, 6f], [first[0], first[D], first[2 * D]]);
        Assert.Equal([8f, 6f, 6f], [second[0], second[D], second[2 * D]]);
        Assert.Equal(3 * D, second.Length);
    }

    [Fact]
    public void Encode_FileWrittenForAnotherEncoder_IsNotRead()
    {
        EmbeddingCache.Encode(_path, "sha-a", ["cancel"], Encode);

        EmbeddingCache.Encode(_path, "sha-b", ["cancel"], Encode);

        Assert.Equal([["cancel"], ["cancel"]], _calls);
    }

    [Fact]
    public void Encode_FileCutShort_IsEncodedAgainAndRewritten()
    {
        EmbeddingCache.Encode(_path, "sha-a", ["cancel", "my order"], Encode);
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..^100]);

        var again = EmbeddingCache.Encode(_path, "sha-a", ["cancel", "my order"], Encode);
        EmbeddingCache.Encode(_path, "sha-a", ["cancel", "my order"], Encode);

        Assert.Equal([["cancel", "my order"], ["cancel", "my order"]], _calls);
        Assert.Equal([6f, 8f], [again[0], again[D]]);
    }

    public void Dispose() => File.Delete(_path);
}

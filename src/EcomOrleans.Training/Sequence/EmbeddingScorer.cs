using static TorchSharp.torch;

namespace EcomOrleans.Training.Sequence;

/// <summary>
/// Scores items by the dot product of a user embedding with the item table, as serving does.
/// The user embedding comes from a delegate: the TorchSharp model while training, ONNX Runtime
/// when evaluating a shipped model.
/// </summary>
internal sealed class EmbeddingScorer(Func<long[], int, int, float[]> encode, float[] itemTable, int dim, int maxLength) : IItemScorer, IDisposable
{
    private readonly Tensor _items = tensor(itemTable, [itemTable.Length / dim, dim]);

    public void Score(IReadOnlyList<int[]> histories, float[] scores)
    {
        using var scope = NewDisposeScope();
        var (ids, length) = SequenceBatch.LeftPad(histories, maxLength);
        var users = tensor(encode(ids, histories.Count, length), [histories.Count, dim]);
        var result = users.matmul(_items.t()).contiguous();
        result.data<float>().CopyTo(scores, 0);
    }

    public void Dispose() => _items.Dispose();
}

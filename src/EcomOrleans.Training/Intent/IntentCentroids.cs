using EcomOrleans.Models.Intent;

namespace EcomOrleans.Training.Intent;

/// <summary>The intents' centroids in the sentence encoder's space, for the head's <see cref="IntentContract.InScope"/> output.</summary>
internal static class IntentCentroids
{
    /// <summary>
    /// For each intent, the mean of its rows' unit-length embeddings scaled to unit length, row-major [labels, 384];
    /// an intent without rows gets zeros (no message is near it).
    /// </summary>
    public static float[] Compute(float[] embeddings, long[] intents, int labels)
    {
        const int d = SentenceEncoderContract.Dimension;
        var sums = new double[labels * d];
        for (var row = 0; row < intents.Length; row++)
        {
            var at = (int)intents[row] * d;
            for (var j = 0; j < d; j++)
            {
                sums[at + j] += embeddings[(row * d) + j];
            }
        }

        var centroids = new float[labels * d];
        for (var c = 0; c < labels; c++)
        {
            var norm = Math.Sqrt(Enumerable.Range(0, d).Sum(j => sums[(c * d) + j] * sums[(c * d) + j]));
            for (var j = 0; j < d && norm > 0; j++)
            {
                centroids[(c * d) + j] = (float)(sums[(c * d) + j] / norm);
            }
        }

        return centroids;
    }
}

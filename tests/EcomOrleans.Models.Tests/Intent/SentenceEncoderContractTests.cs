using EcomOrleans.Models.Intent;

namespace EcomOrleans.Models.Tests.Intent;

public sealed class SentenceEncoderContractTests
{
    [Fact]
    public void MeanPool_AveragesTheMessagesTokensAndScalesToUnitLength_IgnoringPadding()
    {
        // Two real tokens (3, 0) and (1, 4), then padding that must not count: the mean (2, 2) scaled to (0.7071, 0.7071).
        float[] hidden = [3, 0, 1, 4, 100, 100];
        var pooled = new float[2];

        SentenceEncoderContract.MeanPool(hidden, tokens: 2, pooled);

        Assert.Equal(0.70710677f, pooled[0], 6);
        Assert.Equal(0.70710677f, pooled[1], 6);
    }

    [Fact]
    public void MeanPool_NoTokens_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SentenceEncoderContract.MeanPool(new float[4], 0, new float[2]));

        Assert.StartsWith("At least one token, and no more than the hidden state holds.", error.Message, StringComparison.Ordinal);
    }
}

using EcomOrleans.Models.Intent;

namespace EcomOrleans.Models.Tests.Intent;

public sealed class IntentEncodingTests
{
    [Fact]
    public void Truncate_LongerThanMaxLength_KeepsTheFirstPiecesAndTheLastSeparator()
    {
        // [CLS]=2 a b c d [SEP]=3, cut to four: [CLS] a b [SEP].
        Assert.Equal([2, 10, 11, 3], IntentEncoding.Truncate([2, 10, 11, 12, 13, 3], 4));
    }

    [Fact]
    public void Truncate_WithinMaxLength_KeepsEveryId()
    {
        Assert.Equal([2, 10, 3], IntentEncoding.Truncate([2, 10, 3], 3));
    }

    [Fact]
    public void RightPad_Rows_PadsWithZeroAndMasksOnlyRealTokens()
    {
        var ids = new long[6];
        var mask = new long[6];
        ids.AsSpan().Fill(9);
        mask.AsSpan().Fill(9);

        IntentEncoding.RightPad([[2, 3], [2, 5, 3]], 3, ids, mask);

        Assert.Equal([2L, 3, 0, 2, 5, 3], ids);
        Assert.Equal([1L, 1, 0, 1, 1, 1], mask);
    }
}

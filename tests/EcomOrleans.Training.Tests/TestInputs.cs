namespace EcomOrleans.Training.Tests;

internal static class TestInputs
{
    /// <summary>Random ids in 1..maxId, each row left-padded with a different number of zeros (row 0 has none).</summary>
    public static long[] LeftPaddedIds(int batch, int length, int maxId, int seed)
    {
        var random = new Random(seed);
        var ids = new long[batch * length];
        for (var b = 0; b < batch; b++)
        {
            var padding = b % length;
            for (var t = padding; t < length; t++)
            {
                ids[(b * length) + t] = random.Next(1, maxId + 1);
            }
        }

        return ids;
    }

    public static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= tolerance, $"largest difference {worst} exceeds {tolerance}");
    }
}

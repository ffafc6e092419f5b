using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class PairSequenceReaderTests
{
    [Fact]
    public void Read_Fixture_GroupsPairsByUserInOrder()
    {
        using var reader = File.OpenText(TestData.FixturePath("amazon-beauty/beauty-bert4rec.txt"));

        var users = PairSequenceReader.Read(reader);

        Assert.Equal([1L, 2], users.Select(u => u.User));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], users[0].Items);
        Assert.Equal([43, 3, 44, 45], users[1].Items);
    }

    [Fact]
    public void Read_UserSeenAgainLater_AppendsToTheirSequence()
    {
        var users = PairSequenceReader.Read(new StringReader("5 1\n6 2\n5 3\n"));

        Assert.Equal([1, 3], users.Single(u => u.User == 5).Items);
        Assert.Equal([5L, 6], users.Select(u => u.User));
    }

    [SkippableFact]
    public void Read_RealBeautyBert4Rec_MatchesPublishedCounts()
    {
        var data = TestData.RequireShared("amazon-beauty/beauty-bert4rec.txt");
        using var reader = File.OpenText(Path.Combine(data, "amazon-beauty/beauty-bert4rec.txt"));

        var users = PairSequenceReader.Read(reader);

        // data/README.md: 40,226 users, 54,542 items, 353,962 events.
        Assert.Equal(40_226, users.Count);
        Assert.Equal(353_962, users.Sum(u => u.Items.Length));
        Assert.Equal(54_542, users.SelectMany(u => u.Items).Distinct().Count());
    }
}

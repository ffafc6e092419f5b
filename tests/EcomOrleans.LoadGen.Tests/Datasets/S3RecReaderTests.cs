using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class S3RecReaderTests
{
    [Fact]
    public void Read_Fixture_KeepsUsersAndItemsInFileOrder()
    {
        using var reader = File.OpenText(TestData.FixturePath("amazon-beauty/beauty-s3rec.txt"));

        var users = S3RecReader.Read(reader);

        // The fixture is the first 8 lines of beauty-s3rec.txt.
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], users.Select(u => u.User));
        Assert.Equal([6, 7, 8, 9, 10, 4, 11], users[1].Items);
        Assert.Equal(66, users.Sum(u => u.Items.Length));
    }

    [Fact]
    public void Read_BlankAndUserOnlyLines_AreSkipped()
    {
        var users = S3RecReader.Read(new StringReader("\n7\n9 3 1\n"));

        var user = Assert.Single(users);
        Assert.Equal(9, user.User);
        Assert.Equal([3, 1], user.Items);
    }

    [SkippableFact]
    public void Read_RealBeauty_MatchesPublishedCounts()
    {
        var data = TestData.RequireShared("amazon-beauty/beauty-s3rec.txt");
        using var reader = File.OpenText(Path.Combine(data, "amazon-beauty/beauty-s3rec.txt"));

        var users = S3RecReader.Read(reader);

        // data/README.md: 22,363 users, 12,101 items, 198,502 events.
        Assert.Equal(22_363, users.Count);
        Assert.Equal(198_502, users.Sum(u => u.Items.Length));
        Assert.Equal(12_101, users.SelectMany(u => u.Items).Distinct().Count());
    }
}

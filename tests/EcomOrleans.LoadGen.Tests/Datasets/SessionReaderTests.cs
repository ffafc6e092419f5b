using EcomOrleans.LoadGen.Datasets;
using EcomOrleans.LoadGen.Tests.Support;

namespace EcomOrleans.LoadGen.Tests.Datasets;

public sealed class SessionReaderTests
{
    [Fact]
    public void YooChooseRead_Fixture_SkipsHeaderAndKeepsMilliseconds()
    {
        using var reader = File.OpenText(TestData.FixturePath("sessions/yoochoose-clicks-100k_test.txt"));

        var clicks = YooChooseReader.Read(reader);

        Assert.Equal(5, clicks.Count);
        Assert.Equal(new RecordedInteraction(1, null, 214536502, 1_396_860_669_277, RecordedKind.Click), clicks[0]);
        Assert.All(clicks, c => Assert.Equal(RecordedKind.Click, c.Kind));
    }

    [Fact]
    public void DigineticaRead_Fixture_AddsTimeframeToOneStartPerSession()
    {
        using var reader = File.OpenText(TestData.FixturePath("sessions/diginetica-sample-item-views.csv"));

        var views = DigineticaReader.Read(reader);

        Assert.Equal(19, views.Count);
        var session1 = views.Where(v => v.Session == 1).ToArray();
        // Rows 1 and 2 of session 1 are 526,309 ms and 1,031,018 ms into the session.
        Assert.Equal(1_031_018 - 526_309, session1[1].UnixMilliseconds - session1[0].UnixMilliseconds);
        var day = new DateTimeOffset(2016, 5, 9, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var start = session1[0].UnixMilliseconds - 526_309 - day;
        Assert.InRange(start, TimeSpan.FromHours(8).TotalMilliseconds, TimeSpan.FromHours(22).TotalMilliseconds);
        Assert.All(session1, v => Assert.Null(v.User));
        Assert.All(views.Where(v => v.Session == 48), v => Assert.Equal(2L, v.User));
    }

    [Fact]
    public void OttoRead_Fixture_MapsClicksCartsAndOrders()
    {
        using var reader = File.OpenText(TestData.FixturePath("sessions/otto-sample.jsonl"));

        var interactions = OttoReader.Read(reader);

        Assert.Equal(16, interactions.Count);
        Assert.Equal(11, interactions.Count(i => i.Kind == RecordedKind.Click));
        Assert.Equal(3, interactions.Count(i => i.Kind == RecordedKind.Cart));
        Assert.Equal(2, interactions.Count(i => i.Kind == RecordedKind.Order));
        Assert.Equal(new RecordedInteraction(0, null, 305831, 1_659_370_027_105, RecordedKind.Order), interactions[7]);
    }
}

using EcomOrleans.Training.Demand;

namespace EcomOrleans.Training.Tests.Demand;

public sealed class M5ReaderTests
{
    [Fact]
    public void LoadM5_MissingDays_AreFilledWithZeroUnitsAndTheLastPrice()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "id,item_id,dept_id,cat_id,store_id,state_id,d,sales,date,wm_yr_wk,event_name_1,event_type_1,event_name_2,event_type_2,sell_price",
                "A_v,A,F,F,S,C,d_1,2,2016-01-01,1,,,,,1.50",
                "B_v,B,F,F,S,C,d_2,1,2016-01-02,1,SuperBowl,Sporting,,,3.00",
                "A_v,A,F,F,S,C,d_4,5,2016-01-04,1,,,,,1.75",
            ]);

            var series = M5Reader.Load(path);

            var a = series.Single(s => s.Id == "A");
            Assert.Equal([2f, 0, 0, 5], a.Units);
            Assert.Equal([1.5f, 1.5f, 1.5f, 1.75f], a.Prices);
            Assert.Equal([0f, 1, 0, 0], a.Events); // the event is a date fact, seen on B's row
            Assert.Equal([1f, 0, 0], series.Single(s => s.Id == "B").Units); // runs to the file's last date
        }
        finally
        {
            File.Delete(path);
        }
    }
}

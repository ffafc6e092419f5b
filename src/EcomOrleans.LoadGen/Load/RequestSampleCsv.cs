using System.Globalization;

namespace EcomOrleans.LoadGen.Load;

/// <summary>
/// One load step's requests as CSV rows, in index order: <c>step,offered,index,dueMs,latencyMs,status</c>. For an open
/// loop, <c>dueMs</c> is when the request was due after the step's start (so a stall shows as a run of late answers at
/// one time); a closed loop has no schedule and leaves it empty.
/// </summary>
public static class RequestSampleCsv
{
    public const string Header = "step,offered,index,dueMs,latencyMs,status";

    public static void Write(TextWriter writer, int step, double offered, IReadOnlyList<SampleRow> samples)
    {
        var schedule = offered > 0 ? new OpenLoopSchedule(offered, TimeSpan.Zero) : null;
        foreach (var sample in samples.OrderBy(s => s.Index))
        {
            var due = schedule is null ? string.Empty : schedule.StartOf(sample.Index).TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture);
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{step},{offered},{sample.Index},{due},{sample.Latency.TotalMilliseconds:F3},{sample.Status}"));
        }
    }
}

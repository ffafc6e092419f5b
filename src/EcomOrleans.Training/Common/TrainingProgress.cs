using Spectre.Console;

namespace EcomOrleans.Training.Common;

/// <summary>A progress bar per epoch and one line per finished epoch, through Spectre.Console.</summary>
internal static class TrainingProgress
{
    /// <summary>Runs <paramref name="epoch"/> for each epoch with a step callback; stops early when it returns false.</summary>
    public static void Run(int epochs, int stepsPerEpoch, Func<int, Action, bool> epoch)
    {
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                for (var e = 1; e <= epochs; e++)
                {
                    var task = context.AddTask($"epoch {e}/{epochs}", maxValue: stepsPerEpoch);
                    var keepGoing = epoch(e, () => task.Increment(1));
                    task.Value = task.MaxValue;
                    if (!keepGoing)
                    {
                        break;
                    }
                }
            });
    }

    public static void Epoch(int epoch, double loss, TimeSpan elapsed) =>
        AnsiConsole.MarkupLineInterpolated($"epoch {epoch,3}  loss {loss,8:F4}  {elapsed.TotalSeconds,6:F0}s");

    public static void Epoch(int epoch, double loss, string validationName, double validation, TimeSpan elapsed, bool best) =>
        AnsiConsole.MarkupLineInterpolated(
            $"epoch {epoch,3}  loss {loss,8:F4}  {validationName} {validation,7:F4}  {elapsed.TotalSeconds,6:F0}s{(best ? "  best" : "")}");
}

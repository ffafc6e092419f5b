using EcomOrleans.LoadGen.Datasets;
using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>Loads a data set's replay script and says what it holds.</summary>
internal static class ScriptLoader
{
    /// <exception cref="FileNotFoundException">A file of the data set is missing.</exception>
    public static ReplayScript Load(string dataset, string dataDirectory, ScriptOptions options, TimeProvider time, IAnsiConsole console)
    {
        var started = time.GetTimestamp();
        var script = DatasetRegistry.Get(dataset).Load(dataDirectory, options);
        var events = script.Events;
        var span = events.Length == 0 ? "" : $", {events[0].Timestamp:u} to {events[^1].Timestamp:u}";
        console.MarkupLineInterpolated(
            $"[grey]{script.Dataset}: {events.Length:N0} events, {script.Catalog.Count:N0} SKUs{span} (loaded in {time.GetElapsedTime(started).TotalSeconds:N1} s)[/]");
        return script;
    }
}

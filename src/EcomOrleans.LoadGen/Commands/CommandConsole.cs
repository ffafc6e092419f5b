using Spectre.Console;

namespace EcomOrleans.LoadGen.Commands;

/// <summary>Where a command shows progress: stdout for people, stderr when <c>--json</c> keeps stdout for the report.</summary>
internal static class CommandConsole
{
    public static IAnsiConsole Create(bool json) =>
        json ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
}

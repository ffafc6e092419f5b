namespace EcomOrleans;

/// <summary>An exception's message cut for a one-line error: start-up failures, load errors, log lines.</summary>
public static class MessageText
{
    /// <summary>The first non-empty line of <paramref name="text"/>, trimmed; the text itself when it has none.</summary>
    public static string FirstLine(string text) =>
        text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? text;

    /// <summary>Every non-empty line of <paramref name="text"/>, trimmed and joined by spaces.</summary>
    public static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

namespace PerfEval.Cli;

/// <summary>Progress on standard error for long runs over many programmes (only when there are several and error is a terminal).</summary>
internal sealed class Progress(int total, TextWriter error)
{
    private readonly bool _show = total > 1 && Shows(error);
    private int _done;
    private long _shown;

    /// <summary>Whether progress written to <paramref name="error"/> would show: it is the console's standard error, and a terminal.</summary>
    public static bool Shows(TextWriter error) => error is TerminalWriter { Inner: var inner } && ReferenceEquals(inner, Console.Error) && !Console.IsErrorRedirected;

    public void Next(string item)
    {
        _done++;

        // At most ten updates a second: a terminal that redraws for every one of 20 000 programmes slows the batch.
        if (_show && error is TerminalWriter terminal && (_done == total || Environment.TickCount64 - _shown >= 100))
        {
            _shown = Environment.TickCount64;

            // The carriage return is the command's own; the name (from a document, for JSON Lines) is escaped as usual.
            terminal.WriteRaw("\r");
            terminal.Write($"[{_done}/{total}] {Shown(item)}".PadRight(60));
        }
    }

    /// <summary>The programme as progress shows it: a folder's own name, a JSON Lines file's name and line (<c>big.jsonl:3</c>).</summary>
    internal static string Shown(string item)
    {
        // A line of JSON Lines is "path/big.jsonl:3 name": the file's own name, then the line and the programme's name as
        // they are (a name may hold a '/': 中央/自治区).
        var line = item.IndexOf(".jsonl:", StringComparison.OrdinalIgnoreCase);
        if (line >= 0)
        {
            return Path.GetFileName(item[..(line + ".jsonl".Length)]) + item[(line + ".jsonl".Length)..];
        }

        return Path.GetFileName(item.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)) is { Length: > 0 } name ? name : item;
    }

    /// <summary>Ends the progress line so that a message can be printed on its own line.</summary>
    public void Interrupt()
    {
        if (_show)
        {
            error.WriteLine();
        }
    }

    public void Done()
    {
        if (_show)
        {
            error.WriteLine();
        }
    }
}

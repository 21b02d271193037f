using System.Text;

namespace PerfEval.Cli;

/// <summary>
/// Everything the command prints goes through this writer: it shows control characters taken from the documents
/// escaped (<c>\u001b</c> instead of ESC, which a terminal would obey) whatever the format (table, diagnostics,
/// Markdown, CSV, HTML, JSON), and turns a failure to write (a full disk, a closed file) into an
/// <see cref="OutputFailedException"/>, which the command reports as PE5001 with its own exit code.
/// </summary>
internal sealed class TerminalWriter : TextWriter
{
    public TerminalWriter(TextWriter inner, string what)
        : base(inner.FormatProvider)
    {
        Inner = inner;
        What = what;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <summary>The writer written to.</summary>
    public TextWriter Inner { get; }

    /// <summary>What the writer is, for messages: "standard output", "standard error".</summary>
    public string What { get; }

    public override Encoding Encoding => Inner.Encoding;

    public override void Write(char value)
    {
        Span<char> one = [value];
        Write((ReadOnlySpan<char>)one);
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        var text = Escape(buffer);
        Guard(() => Inner.Write(text));
    }

    public override void WriteLine(string? value) => Write(string.Concat(value, NewLine));

    public override void Flush() => Guard(Inner.Flush);

    /// <summary>Writes the command's own text as it is (the carriage return that redraws the progress line).</summary>
    public void WriteRaw(string text) => Guard(() => Inner.Write(text));

    /// <summary>
    /// The text with every control character shown as <c>\uXXXX</c>, except line feeds, tabs and a carriage return
    /// right before a line feed; the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
    /// which reorder what a terminal shows, are escaped too.
    /// </summary>
    public static string Escape(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && !MustEscape(text, i))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text.ToString();
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text[..i]);
        for (; i < text.Length; i++)
        {
            if (MustEscape(text, i))
            {
                sb.Append("\\u").Append(((int)text[i]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        return sb.ToString();
    }

    private static bool MustEscape(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\t')
        {
            return false;
        }

        if (c == '\r')
        {
            return i + 1 >= text.Length || text[i + 1] != '\n';
        }

        return char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new OutputFailedException(What, e.Message, e);
        }
    }
}

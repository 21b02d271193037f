using System.Text;

namespace PerfEval.Cli;

/// <summary>Standard output as UTF-8 bytes: the console's stream behind one buffer, or, for any other writer (tests), decoded text.</summary>
internal sealed class Utf8Output
{
    private readonly Stream? _stream;
    private readonly TextWriter _writer;

    private Utf8Output(Stream? stream, TextWriter writer) => (_stream, _writer) = (stream, writer);

    public static Utf8Output For(TextWriter output)
    {
        if (!ReferenceEquals(output, Console.Out))
        {
            return new Utf8Output(null, output);
        }

        // Whatever went through Console.Out before is flushed, so nothing is reordered.
        output.Flush();
        return new Utf8Output(new BufferedStream(Console.OpenStandardOutput(), 1 << 16), output);
    }

    public void Write(ReadOnlySpan<byte> utf8)
    {
        if (_stream is not null)
        {
            _stream.Write(utf8);
        }
        else
        {
            _writer.Write(Encoding.UTF8.GetString(utf8));
        }
    }

    public void Flush()
    {
        if (_stream is not null)
        {
            _stream.Flush();
        }
        else
        {
            _writer.Flush();
        }
    }
}

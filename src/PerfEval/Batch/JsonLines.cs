using PerfEval.Diagnostics;
using PerfEval.Loading;

namespace PerfEval.Batch;

/// <summary>
/// Programmes in a JSON Lines file, one per line: <c>{"name": "…", "indicatorSet": {…}, "actuals": {…}}</c>.
/// Each line is held to the limit it is read with (<see cref="BatchInput.MaxJsonLineBytes"/> for files and streams of
/// programmes: two documents and the envelope) while it is read, and each document in it to
/// <see cref="PerfEvalJson.MaxDocumentBytes"/>: a longer line is not kept in memory (the rest of it is skipped) and becomes a programme that reports PE1011 at
/// its line. Blank lines (spaces, tabs, carriage returns only) are skipped; lines end with <c>\n</c> (a <c>\r</c>
/// before it is dropped). The file is refused, as one programme with PE1011, when it is a device, a FIFO or a socket.
/// </summary>
internal static class JsonLines
{
    private const int Chunk = 81920;

    /// <summary>The programmes of the file, read lazily, one line at a time.</summary>
    public static IEnumerable<BatchInput> Read(string path, int limit = PerfEvalJson.MaxDocumentBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var line in Lines(path, limit, keep: true))
        {
            yield return ToInput(path, line);
        }
    }

    /// <summary>The programmes of a UTF-8 JSON Lines stream, read lazily; the stream is not closed.</summary>
    public static IEnumerable<BatchInput> Read(Stream stream, string sourceName, int limit = PerfEvalJson.MaxDocumentBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        foreach (var line in Scan(stream, limit, keep: true))
        {
            yield return ToInput(sourceName, line);
        }
    }

    /// <summary>
    /// How many programmes <see cref="Read(string, int)"/> yields, found by scanning the bytes for line ends without
    /// keeping any line (constant memory; special files are not opened and count as the one programme that reports them).
    /// The scan stops at <paramref name="upTo"/> lines, for a caller that only needs to know whether there are any, or several.
    /// </summary>
    public static int Count(string path, int limit = PerfEvalJson.MaxDocumentBytes, int upTo = int.MaxValue) => Lines(path, limit, keep: false).Take(upTo).Count();

    /// <summary>One line: its 1-based number and content, or why it has none.</summary>
    internal readonly record struct RawLine(int Number, byte[]? Content, object? Failure, bool WholeSource);

    private static IEnumerable<RawLine> Lines(string path, int limit, bool keep)
    {
        var kind = InputFiles.KindOf(path);
        if (kind != InputFileKind.Regular)
        {
            yield return new RawLine(1, null, kind switch
            {
                InputFileKind.Missing => MessageText.Of("reason.fileMissing"),
                InputFileKind.Directory => MessageText.Of("reason.isFolder"),
                _ => InputFiles.SpecialReason(kind),
            }, WholeSource: true);
            yield break;
        }

        FileStream? stream = null;
        string? failure = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            failure = e.Message;
        }

        if (stream is null)
        {
            yield return new RawLine(1, null, failure, WholeSource: true);
            yield break;
        }

        using (stream)
        {
            // A regular file is read up to the length it had when it was opened, so that one that keeps growing cannot keep the reader busy.
            foreach (var line in Scan(new LengthLimited(stream, stream.Length), limit, keep))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Splits a stream into lines, holding at most <paramref name="limit"/> bytes of one line (none when
    /// <paramref name="keep"/> is false). Yields the lines that are not blank; a line over the limit is yielded
    /// without content and with the reason.
    /// </summary>
    internal static IEnumerable<RawLine> Scan(Stream stream, int limit, bool keep)
    {
        var chunk = new byte[Chunk];
        var line = keep ? new byte[4096] : [];
        long length = 0;
        var blank = true;
        var number = 1;
        var first = true;
        while (true)
        {
            var n = Read(stream, chunk, out var error);
            if (error is not null)
            {
                yield return new RawLine(number, null, error, WholeSource: false);
                yield break;
            }

            if (n == 0)
            {
                break;
            }

            var start = 0;
            if (first)
            {
                // A pipe may deliver fewer bytes than a byte-order mark first: read until there are three, or the end.
                first = false;
                n = TopUp(stream, chunk, n, 3);
                start = n >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF ? 3 : 0;
            }

            while (true)
            {
                var newline = chunk.AsSpan(start, n - start).IndexOf((byte)'\n');
                var end = newline < 0 ? n : start + newline;
                var part = chunk.AsSpan(start, end - start);
                blank = blank && IsBlank(part);
                if (keep && length <= limit)
                {
                    if (length + part.Length > limit)
                    {
                        line = [];
                    }
                    else
                    {
                        if (length + part.Length > line.Length)
                        {
                            Array.Resize(ref line, (int)Math.Min(limit, Math.Max(line.Length * 2L, length + part.Length)));
                        }

                        part.CopyTo(line.AsSpan((int)length));
                    }
                }

                length += part.Length;
                if (newline < 0)
                {
                    break;
                }

                if (!blank)
                {
                    yield return Finish(number, line, length, limit, keep);
                }

                number++;
                length = 0;
                blank = true;
                start = end + 1;
            }
        }

        if (!blank)
        {
            yield return Finish(number, line, length, limit, keep);
        }
    }

    private static RawLine Finish(int number, byte[] line, long length, int limit, bool keep)
    {
        if (length > limit)
        {
            return new RawLine(number, null, InputFiles.TooLargeReason(limit), WholeSource: false);
        }

        if (!keep)
        {
            return new RawLine(number, [], null, WholeSource: false);
        }

        var n = (int)length;
        if (n > 0 && line[n - 1] == (byte)'\r')
        {
            n--;
        }

        return new RawLine(number, line.AsSpan(0, n).ToArray(), null, WholeSource: false);
    }

    /// <summary>Reads more into <paramref name="chunk"/> after its first <paramref name="n"/> bytes until it holds <paramref name="least"/> or the stream ends; a failure here is left for the next read to report.</summary>
    private static int TopUp(Stream stream, byte[] chunk, int n, int least)
    {
        try
        {
            while (n < least)
            {
                var more = stream.Read(chunk, n, chunk.Length - n);
                if (more <= 0)
                {
                    break;
                }

                n += more;
            }
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // The bytes read so far are used; the next read meets the failure again and reports it.
        }

        return n;
    }

    private static bool IsBlank(ReadOnlySpan<byte> part) => part.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;

    private static int Read(Stream stream, byte[] chunk, out string? error)
    {
        try
        {
            error = null;
            return stream.Read(chunk, 0, chunk.Length);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            error = e.Message;
            return 0;
        }
    }

    private static BatchInput ToInput(string source, RawLine line)
    {
        var where = line.WholeSource ? source : $"{source}:{line.Number}";
        if (line.Content is not { } content)
        {
            var location = new SourceLocation(source, line.Number, 1);
            var failure = line.Failure!;
            return BatchInput.Lazy(where, () =>
            {
                var bag = new DiagnosticBag();
                bag.Add(DiagnosticCodes.UnreadableFile, DiagnosticSeverity.Error, "$", location, ("reason", failure));
                return new LoadResult<Programme>(null, bag.ToImmutable());
            });
        }

        // The line's two documents are found and read on the worker that evaluates it.
        return BatchInput.FromJsonLine(content, where);
    }

    /// <summary>A read-only view of a stream that ends after a given number of bytes.</summary>
    private sealed class LengthLimited(Stream inner, long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left <= 0)
            {
                return 0;
            }

            var n = inner.Read(buffer, offset, (int)Math.Min(count, _left));
            _left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

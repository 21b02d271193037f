using System.Text.Json;
using PerfEval.Diagnostics;
using PerfEval.Loading;

namespace PerfEval.Batch;

/// <summary>Programmes from JSON Lines: one <c>{"name": …, "indicatorSet": {…}, "actuals": {…}}</c> per line.</summary>
public sealed partial class BatchInput
{
    /// <summary>The longest line read from JSON Lines: room for two documents of <see cref="PerfEvalJson.MaxDocumentBytes"/>; longer lines are refused with PE1011.</summary>
    public const int MaxJsonLineBytes = (2 * PerfEvalJson.MaxDocumentBytes) + (64 * 1024);

    /// <summary>
    /// The programmes of a JSON Lines file, one per non-blank line, read lazily: the file is opened when enumeration
    /// starts and read in blocks, each line's bytes are kept until the line is evaluated, and the line is parsed on the
    /// worker that evaluates it. Each input is named <c>file:line</c>, followed by the line's <c>name</c> once it
    /// has been read.
    /// </summary>
    /// <param name="path">The file (UTF-8; a byte-order mark and CRLF line ends are accepted).</param>
    /// <returns>The inputs, in the order of the lines.</returns>
    public static IEnumerable<BatchInput> FromJsonLinesFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromFile(path);

        static IEnumerable<BatchInput> FromFile(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            foreach (var input in FromJsonLines(stream, path))
            {
                yield return input;
            }
        }
    }

    /// <summary>
    /// The programmes of a JSON Lines stream, one per non-blank line, read lazily as <see cref="FromJsonLinesFile"/> does.
    /// A line that is not JSON is reported with the position of its problem (PE1001), an object without
    /// <c>indicatorSet</c> or <c>actuals</c> with PE1004; the lines after it are still read.
    /// </summary>
    /// <param name="utf8JsonLines">The stream, UTF-8; read to its end and not closed.</param>
    /// <param name="sourceName">A name for the stream in input names and diagnostics (<c>sourceName:line</c>).</param>
    /// <returns>The inputs, in the order of the lines.</returns>
    public static IEnumerable<BatchInput> FromJsonLines(Stream utf8JsonLines, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(utf8JsonLines);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Lines(utf8JsonLines, sourceName);
    }

    private static IEnumerable<BatchInput> Lines(Stream stream, string sourceName)
    {
        var lines = new Utf8LineReader(stream, MaxJsonLineBytes);
        while (lines.Next(out var line, out var number, out var tooLong))
        {
            var where = sourceName + ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (tooLong)
            {
                yield return new BatchInput(where, () => LineTooLong(where));
                continue;
            }

            var bytes = line.ToArray();
            BatchInput input = null!;
            input = new BatchInput(where, () => ReadLine(bytes, where, input));
            yield return input;
        }
    }

    /// <summary>Reads one line on the worker: finds the two documents in it and reads each where it lies.</summary>
    private static LoadResult<Programme> ReadLine(byte[] line, string where, BatchInput input)
    {
        switch (FindDocuments(line, out var setRange, out var actualsRange, out var programmeName))
        {
            case Envelope.Found:
                var name = programmeName is null ? where : where + " " + programmeName;
                input.Name = name;
                return Combine(
                    PerfEvalJson.ReadIndicatorSet(line.AsSpan(setRange), name + "/" + PerfEvalJson.IndicatorSetFileName),
                    PerfEvalJson.ReadActuals(line.AsSpan(actualsRange), name + "/" + PerfEvalJson.ActualsFileName));
            case Envelope.Incomplete:
                var bag = new DiagnosticBag();
                foreach (var (missing, absent) in new[] { ("indicatorSet", setRange.Equals(default(Range))), ("actuals", actualsRange.Equals(default(Range))) })
                {
                    if (absent)
                    {
                        bag.Add(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error, "$." + missing, new SourceLocation(where, 1, 1), ("name", missing));
                    }
                }

                return new LoadResult<Programme>(null, bag.ToImmutable());
            default:
                // Not JSON: reading the line as a document reports the problem with its position.
                var read = PerfEvalJson.ReadIndicatorSet(line, where);
                return new LoadResult<Programme>(null, read.Diagnostics);
        }
    }

    private enum Envelope
    {
        Found,
        Incomplete,
        Malformed,
    }

    /// <summary>Where <c>indicatorSet</c> and <c>actuals</c> lie in a line that is one JSON object, and its <c>name</c>.</summary>
    private static Envelope FindDocuments(byte[] line, out Range set, out Range actuals, out string? name)
    {
        (set, actuals, name) = (default, default, null);
        var (hasSet, hasActuals) = (false, false);
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = PerfEvalJson.MaxDepth + 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Envelope.Malformed;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSet = reader.ValueTextEquals("indicatorSet"u8);
                var isActuals = !isSet && reader.ValueTextEquals("actuals"u8);
                var isName = !isSet && !isActuals && reader.ValueTextEquals("name"u8);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var range = start..(int)reader.BytesConsumed;
                if (isSet)
                {
                    (set, hasSet) = (range, true);
                }
                else if (isActuals)
                {
                    (actuals, hasActuals) = (range, true);
                }
                else if (isName)
                {
                    name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }

            // Nothing may follow the object but white space.
            return reader.Read() ? Envelope.Malformed : hasSet && hasActuals ? Envelope.Found : Envelope.Incomplete;
        }
        catch (JsonException)
        {
            return Envelope.Malformed;
        }
    }

    private static LoadResult<Programme> LineTooLong(string where)
    {
        var bag = new DiagnosticBag();
        var limit = MaxJsonLineBytes / 1024 / 1024;
        bag.Add(DiagnosticCodes.UnreadableFile, DiagnosticSeverity.Error, "$", new SourceLocation(where, 1, 1),
            ("reason", Messages.IsChinese ? $"该行超过 {limit} MiB" : $"the line is longer than {limit} MiB"));
        return new LoadResult<Programme>(null, bag.ToImmutable());
    }

    /// <summary>
    /// Splits a UTF-8 stream into lines without decoding it: skips a byte-order mark, blank lines and a line's final
    /// <c>\r</c>, and reports a line longer than the limit (skipping its bytes) instead of holding it.
    /// </summary>
    private sealed class Utf8LineReader(Stream stream, int maxLine)
    {
        private byte[] _buffer = new byte[1 << 16];
        private int _start;
        private int _end;
        private int _scanned;
        private int _number;
        private bool _eof;
        private bool _first = true;
        private bool _skipping;

        /// <summary>The next non-blank line (valid until the next call), its number from 1, and whether it was too long to keep.</summary>
        public bool Next(out ReadOnlySpan<byte> line, out int number, out bool tooLong)
        {
            while (true)
            {
                var newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
                if (newline >= 0 || (_eof && (_start < _end || _skipping)))
                {
                    var stop = newline >= 0 ? _scanned + newline : _end;
                    var content = _buffer.AsSpan(_start, stop - _start);
                    _start = _scanned = newline >= 0 ? stop + 1 : _end;
                    _number++;
                    var skipped = _skipping;
                    _skipping = false;
                    if (_first)
                    {
                        _first = false;
                        if (content.StartsWith("\uFEFF"u8))
                        {
                            content = content[3..];
                        }
                    }

                    if (skipped || !IsBlank(content))
                    {
                        line = skipped ? default : content.EndsWith("\r"u8) ? content[..^1] : content;
                        number = _number;
                        tooLong = skipped;
                        return true;
                    }

                    continue;
                }

                if (_eof)
                {
                    line = default;
                    number = _number;
                    tooLong = false;
                    return false;
                }

                Fill();
            }
        }

        private void Fill()
        {
            _scanned = _end;
            if (_end - _start > maxLine)
            {
                // Too long to keep: drop what has been read of it, and report it when its end is found.
                _skipping = true;
                _first = false;
                _start = _scanned = _end = 0;
            }
            else if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                (_end, _scanned, _start) = (_end - _start, _scanned - _start, 0);
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLine + (1 << 16)));
            }

            var n = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
            }

            _end += n;
        }

        private static bool IsBlank(ReadOnlySpan<byte> content) => content.IndexOfAnyExcept(" \t\r"u8) < 0;
    }
}

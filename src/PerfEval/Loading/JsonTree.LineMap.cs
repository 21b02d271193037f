using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>Positions: byte offsets turned into lines and columns only when a finding asks for one.</summary>
internal sealed partial class JsonTree
{
    /// <summary>Maps byte offsets to 1-based lines and character columns; the lines are found the first time a position is asked for.</summary>
    internal sealed class LineMap
    {
        private readonly string? _source;

        /// <summary>The text as given, when the parse read a borrowed copy of its bytes: encoded again only if a position is asked for.</summary>
        private string? _original;
        private ReadOnlyMemory<byte> _text;
        private readonly object _gate = new();
        private List<int>? _lineStarts;
        private int _lastLine = -1;
        private int _lastOffset;
        private int _lastColumn;

        /// <summary>Creates the map of a document.</summary>
        /// <param name="utf8">The document's bytes, kept; ignored when <paramref name="original"/> is given.</param>
        /// <param name="source">The document's name in findings.</param>
        /// <param name="original">
        /// The document as a string, when <paramref name="utf8"/> is a borrowed buffer that will be given back: the map
        /// keeps the string instead and encodes it again the first time a position is asked for.
        /// </param>
        public LineMap(ReadOnlyMemory<byte> utf8, string? source, string? original = null)
        {
            _text = original is null ? utf8 : default;
            _original = original;
            _source = source;
        }

        /// <summary>The document's UTF-8 text (without a byte-order mark).</summary>
        public ReadOnlySpan<byte> Text
        {
            get
            {
                lock (_gate)
                {
                    return Bytes().Span;
                }
            }
        }

        /// <summary>The bytes, encoded from the original string the first time they are needed; called under the lock.</summary>
        private ReadOnlyMemory<byte> Bytes()
        {
            if (_original is { } original)
            {
                // The parse skipped a byte-order mark: so do the positions.
                _text = System.Text.Encoding.UTF8.GetBytes(original.StartsWith('\uFEFF') ? original[1..] : original);
                _original = null;
            }

            return _text;
        }

        public SourceLocation? Locate(int byteOffset) => At(byteOffset);

        public SourceLocation At(long byteOffset)
        {
            var offset = (int)byteOffset;
            int line;
            int column;
            lock (_gate)
            {
                var starts = LineStarts();
                line = starts.BinarySearch(offset);
                if (line < 0)
                {
                    line = ~line - 1;
                }

                // Count characters from the last position asked for on the same line when that is closer (long one-line files).
                if (_lastLine == line && _lastOffset <= offset)
                {
                    column = _lastColumn + CharCount(_lastOffset, offset);
                }
                else
                {
                    column = CharCount(starts[line], offset);
                }

                (_lastLine, _lastOffset, _lastColumn) = (line, offset, column);
            }

            return new SourceLocation(_source, line + 1, column + 1);
        }

        /// <summary>The 1-based character column of a position given as a JSON reader gives it: a 1-based line and a byte position in it.</summary>
        public int ColumnOfBytePosition(int line, int bytePosition) =>
            LineStart(line) is { } start ? CharCount(start, start + bytePosition) + 1 : bytePosition + 1;

        /// <summary>The byte offset in the document of a position given as a 1-based line and a byte position in it.</summary>
        public int OffsetOfBytePosition(int line, int bytePosition) => (LineStart(line) ?? 0) + bytePosition;

        /// <summary>The byte offset at which a 1-based line starts; null for a line the document does not have.</summary>
        private int? LineStart(int line)
        {
            lock (_gate)
            {
                var starts = LineStarts();
                return line < 1 || line > starts.Count ? null : starts[line - 1];
            }
        }

        /// <summary>The byte offsets at which lines start; called under the lock.</summary>
        private List<int> LineStarts()
        {
            if (_lineStarts is null)
            {
                var starts = new List<int> { 0 };
                var utf8 = Bytes().Span;
                var at = 0;
                int next;
                while ((next = utf8[at..].IndexOf((byte)'\n')) >= 0)
                {
                    at += next + 1;
                    starts.Add(at);
                }

                _lineStarts = starts;
            }

            return _lineStarts;
        }

        private int CharCount(int from, int to)
        {
            ReadOnlySpan<byte> text;
            lock (_gate)
            {
                text = Bytes().Span;
            }

            var count = 0;
            for (var i = from; i < to && i < text.Length; i++)
            {
                // Count the bytes that start a UTF-8 sequence (not continuation bytes 10xxxxxx).
                if ((text[i] & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }
    }
}

using System.Text;
using System.Text.Json;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value that remembers its path and where it stands in its file.</summary>
internal sealed class JsonTree
{
    private readonly LineMap _lines;

    private JsonTree(JsonKind kind, string path, LineMap lines, int offset)
    {
        Kind = kind;
        Path = path;
        _lines = lines;
        Offset = offset;
    }

    public JsonKind Kind { get; }

    public string Path { get; }

    /// <summary>Where the value starts in its file (worked out on demand, for findings).</summary>
    public SourceLocation? Location => _lines.At(Offset);

    /// <summary>The byte offset of the value in its document.</summary>
    public int Offset { get; }

    /// <summary>Turns byte offsets of this document into file positions.</summary>
    public Func<int, SourceLocation?> Locator => _lines.Locate;

    /// <summary>The text of a string, or the raw text of a number.</summary>
    public string? Text { get; private set; }

    public List<JsonProperty> Properties { get; } = [];

    public List<JsonTree> Items { get; } = [];

    public static string KindName(JsonKind kind) => kind switch
    {
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Number => "number",
        JsonKind.True or JsonKind.False => "boolean",
        _ => "null",
    };

    /// <summary>Parses UTF-8 JSON; returns null and adds PE1001 when it is not well-formed.</summary>
    public static JsonTree? Parse(ReadOnlySpan<byte> utf8, string? source, DiagnosticBag diagnostics, int maxDepth)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineMap(utf8, source);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = maxDepth,
        });
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", new SourceLocation(source, 1, 1), ("detail", Messages.IsChinese ? "文件为空" : "the file is empty"));
                return null;
            }

            var root = ReadValue(ref reader, "$", lines, diagnostics);
            if (reader.Read())
            {
                diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", lines.At(reader.TokenStartIndex), ("detail", Messages.IsChinese ? "文档结束后还有内容" : "there is more after the end of the document"));
                return null;
            }

            return root;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader validates UTF-8 only when a string is read: a string with broken bytes ends up here.
            diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", lines.At(reader.TokenStartIndex),
                ("detail", Messages.IsChinese ? "字符串不是有效的 UTF-8 文本" : "a string is not valid UTF-8 text"));
            return null;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, e.Path is { Length: > 0 } p ? p : "$", new SourceLocation(source, line, lines.ColumnOfBytePosition(line, column - 1)), ("detail", FirstSentence(e.Message)));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, string path, LineMap lines, DiagnosticBag diagnostics)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonTree(JsonKind.Object, path, lines, offset);
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var nameOffset = (int)reader.TokenStartIndex;
                    var childPath = ChildPath(path, name);
                    reader.Read();
                    var value = ReadValue(ref reader, childPath, lines, diagnostics);

                    // Small objects are checked for a repeated name by a scan; large ones with a set.
                    var repeated = false;
                    if (node.Properties.Count < 8)
                    {
                        foreach (var p in node.Properties)
                        {
                            repeated |= p.Name == name;
                        }
                    }
                    else
                    {
                        seen ??= new HashSet<string>(node.Properties.Select(p => p.Name), StringComparer.Ordinal);
                        repeated = !seen.Add(name);
                    }

                    if (repeated)
                    {
                        diagnostics.Add(DiagnosticCodes.DuplicateProperty, DiagnosticSeverity.Error, childPath, lines.At(nameOffset), ("name", name));
                        continue;
                    }

                    seen?.Add(name);
                    node.Properties.Add(new JsonProperty(name, nameOffset, lines, value));
                }

                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new JsonTree(JsonKind.Array, path, lines, offset);
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node.Items.Add(ReadValue(ref reader, $"{path}[{index}]", lines, diagnostics));
                    index++;
                }

                return node;
            }

            case JsonTokenType.String:
                return new JsonTree(JsonKind.String, path, lines, offset) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new JsonTree(JsonKind.Number, path, lines, offset) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new JsonTree(JsonKind.True, path, lines, offset);
            case JsonTokenType.False:
                return new JsonTree(JsonKind.False, path, lines, offset);
            default:
                return new JsonTree(JsonKind.Null, path, lines, offset);
        }
    }

    /// <summary>The path of an indicator's entry in the actuals (<c>$.indicators.id</c>).</summary>
    public static string IndicatorPath(string id) => ChildPath("$.indicators", id);

    /// <summary>The JSON path of a property: <c>$.name</c>, or <c>$['odd name']</c> when the name is not an identifier.</summary>
    public static string ChildPath(string parent, string name)
    {
        var plain = name.Length > 0 && !char.IsDigit(name[0]);
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                plain = false;
                break;
            }
        }

        return plain ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>Maps byte offsets to 1-based lines and character columns.</summary>
    internal sealed class LineMap
    {
        private readonly byte[] _text;
        private readonly List<int> _lineStarts = [0];
        private readonly string? _source;
        private int _lastLine = -1;
        private int _lastOffset;
        private int _lastColumn;

        public LineMap(ReadOnlySpan<byte> utf8, string? source)
        {
            _text = utf8.ToArray();
            _source = source;
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public SourceLocation? Locate(int byteOffset) => At(byteOffset);

        public SourceLocation At(long byteOffset)
        {
            var offset = (int)byteOffset;
            var line = _lineStarts.BinarySearch(offset);
            if (line < 0)
            {
                line = ~line - 1;
            }

            // Count characters from the last position asked for on the same line when that is closer (long one-line files).
            int column;
            lock (_lineStarts)
            {
                if (_lastLine == line && _lastOffset <= offset)
                {
                    column = _lastColumn + CharCount(_lastOffset, offset);
                }
                else
                {
                    column = CharCount(_lineStarts[line], offset);
                }

                (_lastLine, _lastOffset, _lastColumn) = (line, offset, column);
            }

            return new SourceLocation(_source, line + 1, column + 1);
        }

        public int ColumnOfBytePosition(int line, int bytePosition)
        {
            if (line < 1 || line > _lineStarts.Count)
            {
                return bytePosition + 1;
            }

            var start = _lineStarts[line - 1];
            return CharCount(start, Math.Min(start + bytePosition, _text.Length)) + 1;
        }

        private int CharCount(int from, int to)
        {
            var count = 0;
            for (var i = from; i < to && i < _text.Length; i++)
            {
                // Count the bytes that start a UTF-8 sequence (not continuation bytes 10xxxxxx).
                if ((_text[i] & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }
    }
}

/// <summary>A property of a JSON object: its name, where the name stands, and its value.</summary>
internal sealed class JsonProperty(string name, int nameOffset, JsonTree.LineMap lines, JsonTree value)
{
    public string Name { get; } = name;

    public SourceLocation NameLocation => lines.At(nameOffset);

    public JsonTree Value { get; } = value;
}

using System.Text;
using System.Text.Json;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>
/// A JSON value that remembers where it stands in its file. Its path is worked out from its parent only when a
/// diagnostic asks for it; leaves carry no lists.
/// </summary>
internal sealed class JsonTree
{
    private static readonly List<JsonProperty> NoProperties = [];
    private static readonly List<JsonTree> NoItems = [];

    private readonly LineMap _lines;
    private readonly JsonTree? _parent;
    private readonly string? _name;
    private readonly int _index;
    private string? _path;
    private List<JsonProperty>? _properties;
    private List<JsonTree>? _items;

    private JsonTree(JsonKind kind, JsonTree? parent, string? name, int index, LineMap lines, int offset)
    {
        Kind = kind;
        _parent = parent;
        _name = name;
        _index = index;
        _lines = lines;
        Offset = offset;
    }

    public JsonKind Kind { get; }

    /// <summary>The value's JSON path (<c>$.indicators[0].target</c>).</summary>
    public string Path => _path ??= _parent is null ? "$" : _name is not null ? ChildPath(_parent.Path, _name) : $"{_parent.Path}[{_index}]";

    /// <summary>Where the value starts in its file (worked out on demand, for findings).</summary>
    public SourceLocation? Location => _lines.At(Offset);

    /// <summary>The byte offset of the value in its document.</summary>
    public int Offset { get; }

    /// <summary>The lines of the document this value belongs to.</summary>
    public LineMap Lines => _lines;

    /// <summary>The text of a string, or the raw text of a number.</summary>
    public string? Text { get; private set; }

    /// <summary>The properties of an object, in document order (duplicates left out).</summary>
    public List<JsonProperty> Properties => _properties ?? NoProperties;

    /// <summary>The items of an array.</summary>
    public List<JsonTree> Items => _items ?? NoItems;

    /// <summary>Set by the schema check: this value breaks the schema (it is read as absent).</summary>
    public bool Invalid { get; set; }

    /// <summary>Set by the schema check: the schema an object was checked against.</summary>
    public Schema? Schema { get; set; }

    /// <summary>Set by the schema check: this value or one inside it breaks the schema.</summary>
    public bool Faulty { get; set; }

    /// <summary>The value of the property <paramref name="name"/> of an object; null when absent.</summary>
    public JsonTree? this[string name]
    {
        get
        {
            if (_properties is null)
            {
                return null;
            }

            foreach (var p in _properties)
            {
                if (p.Name == name)
                {
                    return p.Value;
                }
            }

            return null;
        }
    }

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
                diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", new SourceLocation(source, 1, 1), ("detail", MessageText.Of("reason.fileEmpty")));
                return null;
            }

            var root = ReadValue(ref reader, null, null, 0, lines, diagnostics);
            if (reader.Read())
            {
                diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", lines.At(reader.TokenStartIndex), ("detail", MessageText.Of("reason.trailingContent")));
                return null;
            }

            return root;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader validates UTF-8 only when a string is read: a string with broken bytes ends up here.
            diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", lines.At(reader.TokenStartIndex),
                ("detail", MessageText.Of("reason.notUtf8")));
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

    private static JsonTree ReadValue(ref Utf8JsonReader reader, JsonTree? parent, string? name, int index, LineMap lines, DiagnosticBag diagnostics)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonTree(JsonKind.Object, parent, name, index, lines, offset) { _properties = [] };
                var properties = node._properties;
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var propertyName = Intern(ref reader);
                    var nameOffset = (int)reader.TokenStartIndex;
                    reader.Read();
                    var value = ReadValue(ref reader, node, propertyName, 0, lines, diagnostics);

                    // Small objects are checked for a repeated name by a scan; large ones with a set.
                    var repeated = false;
                    if (properties.Count < 16)
                    {
                        foreach (var p in properties)
                        {
                            repeated |= p.Name == propertyName;
                        }
                    }
                    else
                    {
                        seen ??= new HashSet<string>(properties.Select(p => p.Name), StringComparer.Ordinal);
                        repeated = !seen.Add(propertyName);
                    }

                    if (repeated)
                    {
                        diagnostics.Add(DiagnosticCodes.DuplicateProperty, DiagnosticSeverity.Error, value.Path, lines.At(nameOffset), ("name", propertyName));
                        continue;
                    }

                    seen?.Add(propertyName);
                    properties.Add(new JsonProperty(propertyName, nameOffset, value));
                }

                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new JsonTree(JsonKind.Array, parent, name, index, lines, offset) { _items = [] };
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    node._items.Add(ReadValue(ref reader, node, null, i, lines, diagnostics));
                    i++;
                }

                return node;
            }

            case JsonTokenType.String:
                return new JsonTree(JsonKind.String, parent, name, index, lines, offset) { Text = Intern(ref reader) };
            case JsonTokenType.Number:
                return new JsonTree(JsonKind.Number, parent, name, index, lines, offset) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new JsonTree(JsonKind.True, parent, name, index, lines, offset);
            case JsonTokenType.False:
                return new JsonTree(JsonKind.False, parent, name, index, lines, offset);
            default:
                return new JsonTree(JsonKind.Null, parent, name, index, lines, offset);
        }
    }

    /// <summary>Recently read short texts (property names, levels, units), shared instead of decoded again.</summary>
    private static readonly Interned?[] Texts = new Interned?[1024];

    private sealed record Interned(byte[] Utf8, string Text);

    /// <summary>A string token's text; short unescaped texts come from a small shared cache keyed by their bytes.</summary>
    private static string Intern(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 32)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var hash = 17u;
        foreach (var b in bytes)
        {
            hash = unchecked((hash * 31) + b);
        }

        var slot = (int)(hash & (uint)(Texts.Length - 1));
        if (Texts[slot] is { } known && bytes.SequenceEqual(known.Utf8))
        {
            return known.Text;
        }

        // Decoding validates the UTF-8; a text is cached only once it has been decoded.
        var text = reader.GetString()!;
        Texts[slot] = new Interned(bytes.ToArray(), text);
        return text;
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
            var at = 0;
            int next;
            while ((next = utf8[at..].IndexOf((byte)'\n')) >= 0)
            {
                at += next + 1;
                _lineStarts.Add(at);
            }
        }

        /// <summary>The document's UTF-8 text (without a byte-order mark).</summary>
        public ReadOnlySpan<byte> Text => _text;

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

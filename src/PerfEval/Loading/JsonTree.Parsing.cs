using System.Text;
using System.Text.Json;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>Parsing: UTF-8 text to a tree in one pass, with a scratch stack and a cache of short texts.</summary>
internal sealed partial class JsonTree
{
    /// <summary>
    /// Parses UTF-8 JSON held in <paramref name="utf8"/>, which the tree keeps (for the source map made when a finding
    /// asks for a position) and which must not change afterwards; returns null and adds PE1001 when it is not well-formed.
    /// </summary>
    public static JsonTree? Parse(ReadOnlyMemory<byte> utf8, string? source, DiagnosticBag diagnostics, int maxDepth)
    {
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineMap(utf8, source);
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = maxDepth,
        });
        var scratch = Scratch.Rent();
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", new SourceLocation(source, 1, 1), ("detail", MessageText.Of("reason.fileEmpty")));
                return null;
            }

            var root = ReadValue(ref reader, null, null, 0, lines, diagnostics, scratch);
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
        finally
        {
            scratch.Return();
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, JsonTree? parent, string? name, int index, LineMap lines, DiagnosticBag diagnostics, Scratch scratch)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = new JsonTree(JsonKind.Object, parent, name, index, lines, offset);
                var start = scratch.PropertyCount;
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var propertyName = Intern(ref reader);
                    var nameOffset = (int)reader.TokenStartIndex;
                    reader.Read();
                    var value = ReadValue(ref reader, node, propertyName, 0, lines, diagnostics, scratch);

                    // Small objects are checked for a repeated name by a scan; large ones with a set.
                    var count = scratch.PropertyCount - start;
                    bool repeated;
                    if (count < 16)
                    {
                        repeated = scratch.Contains(start, propertyName);
                    }
                    else
                    {
                        seen ??= scratch.Names(start);
                        repeated = !seen.Add(propertyName);
                    }

                    if (repeated)
                    {
                        diagnostics.Add(DiagnosticCodes.DuplicateProperty, DiagnosticSeverity.Error, value.Path, lines.At(nameOffset), ("name", propertyName));
                        continue;
                    }

                    scratch.Push(new JsonProperty(propertyName, nameOffset, value));
                }

                node._children = scratch.PopProperties(start);
                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = new JsonTree(JsonKind.Array, parent, name, index, lines, offset);
                var start = scratch.ItemCount;
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    scratch.Push(ReadValue(ref reader, node, null, i, lines, diagnostics, scratch));
                    i++;
                }

                node._children = scratch.PopItems(start);
                return node;
            }

            case JsonTokenType.String:
                return new JsonTree(JsonKind.String, parent, name, index, lines, offset) { Text = Intern(ref reader) };
            case JsonTokenType.Number:
                return new JsonTree(JsonKind.Number, parent, name, index, lines, offset) { Text = Number(reader.ValueSpan) };
            case JsonTokenType.True:
                return new JsonTree(JsonKind.True, parent, name, index, lines, offset);
            case JsonTokenType.False:
                return new JsonTree(JsonKind.False, parent, name, index, lines, offset);
            default:
                return new JsonTree(JsonKind.Null, parent, name, index, lines, offset);
        }
    }

    /// <summary>The raw text of a number; the small whole numbers a document repeats (0 to 100) are shared.</summary>
    private static string Number(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is > 0 and <= 3)
        {
            var n = 0;
            foreach (var b in utf8)
            {
                n = (b - '0') is var d and >= 0 and <= 9 ? (n * 10) + d : -1;
                if (n < 0)
                {
                    break;
                }
            }

            // "007" is not the text of 7: only numbers written without leading zeros share their text.
            if (n is >= 0 and <= 100 && (utf8.Length == 1 || utf8[0] != '0'))
            {
                return SmallNumbers[n];
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A string token's text; the words of the file formats come from <see cref="Vocabulary"/> instead of being decoded again.</summary>
    private static string Intern(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= 32 && Vocabulary.Find(reader.ValueSpan) is { } known)
        {
            return known;
        }

        return reader.GetString()!;
    }

    /// <summary>
    /// The children of the objects and arrays being read, as a stack: an object or array pushes its children and takes
    /// them off into an array of their exact size when it ends. One per thread, reused from parse to parse.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _cached;

        private JsonProperty[] _properties = new JsonProperty[64];
        private JsonTree[] _items = new JsonTree[64];

        public int PropertyCount { get; private set; }

        public int ItemCount { get; private set; }

        public static Scratch Rent()
        {
            var s = _cached ?? new Scratch();
            _cached = null;
            return s;
        }

        /// <summary>Gives the scratch back for the next parse on this thread (a parse that threw leaves it in any state: it is emptied).</summary>
        public void Return()
        {
            Array.Clear(_properties, 0, PropertyCount);
            Array.Clear(_items, 0, ItemCount);
            PropertyCount = ItemCount = 0;
            if (_properties.Length <= 4096 && _items.Length <= 4096)
            {
                _cached = this;
            }
        }

        public void Push(JsonProperty property)
        {
            if (PropertyCount == _properties.Length)
            {
                Array.Resize(ref _properties, _properties.Length * 2);
            }

            _properties[PropertyCount++] = property;
        }

        public void Push(JsonTree item)
        {
            if (ItemCount == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[ItemCount++] = item;
        }

        public bool Contains(int start, string name)
        {
            for (var i = start; i < PropertyCount; i++)
            {
                if (_properties[i].Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        public HashSet<string> Names(int start)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = start; i < PropertyCount; i++)
            {
                names.Add(_properties[i].Name);
            }

            return names;
        }

        public JsonProperty[] PopProperties(int start)
        {
            var count = PropertyCount - start;
            if (count == 0)
            {
                return NoProperties;
            }

            var properties = _properties.AsSpan(start, count).ToArray();
            Array.Clear(_properties, start, count);
            PropertyCount = start;
            return properties;
        }

        public JsonTree[] PopItems(int start)
        {
            var count = ItemCount - start;
            if (count == 0)
            {
                return NoItems;
            }

            var items = _items.AsSpan(start, count).ToArray();
            Array.Clear(_items, start, count);
            ItemCount = start;
            return items;
        }
    }
}

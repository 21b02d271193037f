using System.Text;
using System.Text.Json;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>Parsing: UTF-8 text to a tree in one pass, into an <see cref="Arena"/>, sharing the formats' own words.</summary>
internal sealed partial class JsonTree
{
    /// <summary>
    /// Parses UTF-8 JSON held in <paramref name="utf8"/>, which the tree keeps (for the source map made when a finding
    /// asks for a position) and which must not change afterwards; returns null and adds PE1001 when it is not well-formed.
    /// </summary>
    public static JsonTree? Parse(ReadOnlyMemory<byte> utf8, string? source, DiagnosticBag diagnostics, int maxDepth) =>
        Parse(new Document(utf8, null), source, diagnostics, maxDepth);

    /// <summary>
    /// Parses a <paramref name="document"/>: its bytes, and when they are a borrowed buffer that will be given back, the
    /// string they were encoded from, which the tree keeps instead of the bytes.
    /// </summary>
    public static JsonTree? Parse(Document document, string? source, DiagnosticBag diagnostics, int maxDepth)
    {
        var utf8 = InputFiles.WithoutByteOrderMark(document.Utf8);

        var lines = new LineMap(utf8, source, document.Original);
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = maxDepth,
        };
        var reader = new Utf8JsonReader(utf8.Span, options);
        var arena = Arena.Rent();
        var kept = false;
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", new SourceLocation(source, 1, 1), ("detail", MessageText.Of("reason.fileEmpty")));
                return null;
            }

            var root = ReadValue(ref reader, null, null, 0, lines, diagnostics, arena);
            if (reader.Read())
            {
                diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, "$", lines.At(reader.TokenStartIndex), ("detail", MessageText.Of("reason.trailingContent")));
                return null;
            }

            kept = true;
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
            JsonSyntax.Report(diagnostics, e, utf8.Span, lines, source, options);
            return null;
        }
        finally
        {
            arena.EndParse();
            if (!kept)
            {
                arena.Return();
            }
        }
    }

    /// <summary>
    /// Gives the tree's storage back for the next parse on this thread. Called on the root once the document has been
    /// read; no value of the tree may be used afterwards. A tree that is never released is simply collected.
    /// </summary>
    public void Release()
    {
        if (_parent is LineMap && _arena.Root == this)
        {
            _arena.Return();
        }
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader, JsonTree? parent, string? name, int index, LineMap lines, DiagnosticBag diagnostics, Arena arena)
    {
        var offset = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var node = arena.Node(JsonKind.Object, parent, name, index, lines, offset);
                var start = arena.PendingProperties;
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var propertyName = Intern(ref reader, arena);
                    var nameOffset = (int)reader.TokenStartIndex;
                    reader.Read();
                    var value = ReadValue(ref reader, node, propertyName, 0, lines, diagnostics, arena);

                    // Small objects are checked for a repeated name by a scan; large ones with a set.
                    var count = arena.PendingProperties - start;
                    bool repeated;
                    if (count < 16)
                    {
                        repeated = arena.Contains(start, propertyName);
                    }
                    else
                    {
                        seen ??= arena.Names(start, reader.CurrentDepth);
                        repeated = !seen.Add(propertyName);
                    }

                    if (repeated)
                    {
                        diagnostics.Add(DiagnosticCodes.DuplicateProperty, DiagnosticSeverity.Error, value.Path, lines.At(nameOffset), ("name", propertyName));
                        continue;
                    }

                    arena.Push(new JsonProperty(propertyName, nameOffset, value));
                }

                (node._first, node._count) = arena.KeepProperties(start);
                return node;
            }

            case JsonTokenType.StartArray:
            {
                var node = arena.Node(JsonKind.Array, parent, name, index, lines, offset);
                var start = arena.PendingItems;
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    arena.Push(ReadValue(ref reader, node, null, i, lines, diagnostics, arena));
                    i++;
                }

                (node._first, node._count) = arena.KeepItems(start);
                return node;
            }

            case JsonTokenType.String:
            {
                var node = arena.Node(JsonKind.String, parent, name, index, lines, offset);
                node.Text = Intern(ref reader, arena);
                return node;
            }

            case JsonTokenType.Number:
            {
                var node = arena.Node(JsonKind.Number, parent, name, index, lines, offset);
                node.Text = Number(reader.ValueSpan);
                return node;
            }

            case JsonTokenType.True:
                return arena.Node(JsonKind.True, parent, name, index, lines, offset);
            case JsonTokenType.False:
                return arena.Node(JsonKind.False, parent, name, index, lines, offset);
            default:
                return arena.Node(JsonKind.Null, parent, name, index, lines, offset);
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

    /// <summary>Texts longer than this are decoded each time: long texts rarely repeat within a document.</summary>
    private const int LongestSharedText = 256;

    /// <summary>
    /// A string token's text: the words of the file formats come from <see cref="Vocabulary"/>, and a text the document
    /// has already used is the string made the first time (see <see cref="Arena.FindText"/>), instead of being decoded again.
    /// </summary>
    private static string Intern(ref Utf8JsonReader reader, Arena arena)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > LongestSharedText)
        {
            return reader.GetString()!;
        }

        var utf8 = reader.ValueSpan;
        if (utf8.Length <= 32 && Vocabulary.Find(utf8) is { } known)
        {
            return known;
        }

        // A hash of every byte, seeded anew in each process: a document cannot be written so that its texts collide.
        var hasher = default(HashCode);
        hasher.AddBytes(utf8);
        var hash = hasher.ToHashCode() & int.MaxValue;
        if (arena.FindText(utf8, hash, out var slot) is { } seen)
        {
            return seen;
        }

        // GetString checks the bytes are UTF-8 (a broken text ends the parse with PE1001) before the text is shared.
        var text = reader.GetString()!;
        arena.AddText(utf8, hash, slot, text);
        return text;
    }

    /// <summary>A document to parse: its UTF-8 bytes, and the string they were encoded from when the bytes are only borrowed.</summary>
    internal readonly record struct Document(ReadOnlyMemory<byte> Utf8, string? Original);
}

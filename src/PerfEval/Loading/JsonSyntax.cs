using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfEval.Diagnostics;

namespace PerfEval.Loading;

/// <summary>
/// PE1001 in PerfEval's own words. The JSON reader tells where a document stops being JSON, but its reason is an
/// English sentence; the reason given here is PerfEval's own, in the language of the message, found from the bytes at
/// that position and from what the reader had read before them. The reader's sentence is kept for machines as the
/// argument <c>parserDetail</c>, which no template prints.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>The longest unquoted word a reason cites; a longer one is cut and ends in "…".</summary>
    private const int MaxCitedWord = 32;

    /// <summary>
    /// Adds PE1001 for <paramref name="e"/>, thrown while <paramref name="utf8"/> was read with <paramref name="options"/>:
    /// at the line the exception gives and the column in characters that <paramref name="lines"/> makes of its byte position.
    /// </summary>
    public static void Report(DiagnosticBag diagnostics, JsonException e, ReadOnlySpan<byte> utf8, JsonTree.LineMap lines, string? source, JsonReaderOptions options)
    {
        var line = (int)(e.LineNumber ?? 0) + 1;
        var bytePosition = (int)(e.BytePositionInLine ?? 0);
        diagnostics.Add(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error, e.Path is { Length: > 0 } p ? p : "$",
            new SourceLocation(source, line, lines.ColumnOfBytePosition(line, bytePosition)),
            ("detail", Reason(utf8, lines.OffsetOfBytePosition(line, bytePosition), options)),
            ("parserDetail", FirstSentence(e.Message)));
    }

    /// <summary>
    /// Why <paramref name="utf8"/> is not JSON, the reader having failed at byte <paramref name="at"/>: the document is
    /// read again up to the failure (only a document that fails pays for that) to know what the reader had read.
    /// </summary>
    internal static MessageText Reason(ReadOnlySpan<byte> utf8, int at, JsonReaderOptions options)
    {
        // What was read: the last whole token, where it ended, and the open objects (true) and arrays (false).
        var reader = new Utf8JsonReader(utf8, options);
        var last = JsonTokenType.None;
        var lastEnd = 0;
        var open = new List<bool>();
        try
        {
            while (reader.Read())
            {
                (last, lastEnd) = (reader.TokenType, (int)reader.BytesConsumed);
                if (last is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Add(last == JsonTokenType.StartObject);
                }
                else if (last is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.RemoveAt(open.Count - 1);
                }
            }

            return MessageText.Of("json.invalid");
        }
        catch (JsonException)
        {
            // The reader stopped where the document failed.
        }

        var comments = options.CommentHandling != JsonCommentHandling.Disallow;
        var start = SkipTrivia(utf8, (int)reader.BytesConsumed, comments, out var commentNotClosed);
        at = Math.Clamp(at, 0, utf8.Length);

        // A comment opened after the last token read and never closed hides the rest of the document.
        if (commentNotClosed)
        {
            return MessageText.Of("json.commentNotClosed");
        }

        if (start >= utf8.Length && last == JsonTokenType.None)
        {
            return MessageText.Of("reason.fileEmpty");
        }

        // The failure lies inside a string that starts before it.
        if (start < at && utf8[start] == '"')
        {
            return at >= utf8.Length || utf8[at] is (byte)'\n' or (byte)'\r' ? MessageText.Of("json.stringNotClosed")
                : utf8[at] < 0x20 ? MessageText.Of("json.controlCharacter", ("character", CodePoint(utf8[at])))
                : MessageText.Of("json.badEscape");
        }

        if (open.Count == 0 && last != JsonTokenType.None && at < utf8.Length)
        {
            return MessageText.Of("reason.trailingContent");
        }

        // true, false or null run on into letters ("falsey", "null无"): a word without quotes, not two values.
        if (last is JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null && at == lastEnd && at < utf8.Length && !IsDelimiter(utf8[at])
            && Word(utf8[(lastEnd - (last == JsonTokenType.False ? 5 : 4))..]) is { Length: > 0 } glued)
        {
            return MessageText.Of("json.notQuoted", ("word", glued));
        }

        // A value right after a value, nothing between them: the comma is missing. A string then something else: the colon.
        var afterValue = last is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null
            or JsonTokenType.EndObject or JsonTokenType.EndArray;
        if (open.Count > 0 && afterValue && SkipTrivia(utf8, lastEnd, comments) == at && at < utf8.Length && StartsValue(utf8[at..]))
        {
            return MessageText.Of("json.missingComma");
        }

        if (open.Count > 0 && open[^1] && SkipTrivia(utf8, lastEnd, comments) < at && Before(utf8, at) == '"')
        {
            return MessageText.Of("json.missingColon");
        }

        if (start < utf8.Length && start <= at && ValueExpectedAt(utf8, start) && Word(utf8[start..]) is { Length: > 0 } word)
        {
            return MessageText.Of("json.notQuoted", ("word", word));
        }

        if (at >= utf8.Length)
        {
            return MessageText.Of("json.endsEarly");
        }

        var b = utf8[at];
        if (start < at && (utf8[start] == '-' || char.IsAsciiDigit((char)utf8[start])) && (IsNumberOrDelimiter(b) || b == '/'))
        {
            return MessageText.Of("json.badNumber");
        }

        if (b == '/')
        {
            return !comments ? MessageText.Of("json.comment")
                : utf8[at..].StartsWith("/*"u8) && utf8[(at + 2)..].IndexOf("*/"u8) < 0 ? MessageText.Of("json.commentNotClosed")
                : MessageText.Of("json.unexpectedCharacter", ("character", "/"));
        }

        if (b is (byte)'}' or (byte)']' && !options.AllowTrailingCommas && Before(utf8, at) == ',')
        {
            return MessageText.Of("json.trailingComma");
        }

        var maxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth;
        if (b is (byte)'{' or (byte)'[' && open.Count >= maxDepth)
        {
            return MessageText.Of("json.tooDeep", ("max", maxDepth));
        }

        return Rune.DecodeFromUtf8(utf8[at..], out var rune, out _) == System.Buffers.OperationStatus.Done
            ? MessageText.Of("json.unexpectedCharacter", ("character", Cited(rune)))
            : MessageText.Of("json.notUtf8");
    }

    /// <summary>The reader's sentence without the position it appends (" LineNumber: 0 | BytePositionInLine: 2.").</summary>
    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    /// <summary>The first byte at or after <paramref name="from"/> that is not white space (nor a comment, where comments are allowed).</summary>
    private static int SkipTrivia(ReadOnlySpan<byte> utf8, int from, bool comments) => SkipTrivia(utf8, from, comments, out _);

    /// <summary>As <see cref="SkipTrivia(ReadOnlySpan{byte}, int, bool)"/>; <paramref name="commentNotClosed"/> tells whether it ran into a <c>/*</c> never closed.</summary>
    private static int SkipTrivia(ReadOnlySpan<byte> utf8, int from, bool comments, out bool commentNotClosed)
    {
        commentNotClosed = false;
        var i = from;
        while (i < utf8.Length)
        {
            if (utf8[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            else if (comments && i + 1 < utf8.Length && utf8[i] == '/' && utf8[i + 1] is (byte)'/' or (byte)'*')
            {
                var end = utf8[i + 1] == '/' ? utf8[i..].IndexOf((byte)'\n') : utf8[(i + 2)..].IndexOf("*/"u8);
                commentNotClosed = end < 0 && utf8[i + 1] == '*';
                i = end < 0 ? utf8.Length : utf8[i + 1] == '/' ? i + end + 1 : i + 2 + end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Whether a byte may follow a value: white space, ',', ']', '}', '/' (a comment).</summary>
    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)']' or (byte)'}' or (byte)'/';

    /// <summary>The byte before <paramref name="at"/> that is not white space; 0 at the start of the document.</summary>
    private static byte Before(ReadOnlySpan<byte> utf8, int at)
    {
        var i = at - 1;
        while (i >= 0 && utf8[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i--;
        }

        return i < 0 ? (byte)0 : utf8[i];
    }

    /// <summary>Whether a value or a property name belongs at <paramref name="at"/>: at the start, or after '{', '[', ',' or ':'.</summary>
    private static bool ValueExpectedAt(ReadOnlySpan<byte> utf8, int at) => Before(utf8, at) is 0 or (byte)'{' or (byte)'[' or (byte)',' or (byte)':';

    /// <summary>The word (letters, digits, '_' and '-') that starts <paramref name="utf8"/> with a letter; empty when it starts otherwise.</summary>
    private static string Word(ReadOnlySpan<byte> utf8)
    {
        var sb = new StringBuilder();
        var first = true;
        while (Rune.DecodeFromUtf8(utf8, out var rune, out var length) == System.Buffers.OperationStatus.Done
            && (Rune.IsLetter(rune) || (!first && (Rune.IsDigit(rune) || rune.Value is '_' or '-'))))
        {
            if (sb.Length >= MaxCitedWord)
            {
                return sb.Append('…').ToString();
            }

            sb.Append(rune.ToString());
            utf8 = utf8[length..];
            first = false;
        }

        return sb.ToString();
    }

    /// <summary>Whether a value or a property name starts <paramref name="utf8"/>: a quote, a bracket, a number or a word.</summary>
    private static bool StartsValue(ReadOnlySpan<byte> utf8) =>
        utf8[0] is (byte)'"' or (byte)'{' or (byte)'[' or (byte)'-' || char.IsAsciiDigit((char)utf8[0]) || Word(utf8).Length > 0;

    private static bool IsNumberOrDelimiter(byte b) =>
        char.IsAsciiDigit((char)b) || b is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-'
            or (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>A character as a reason cites it: as itself, or as its code point when it cannot be seen (a control character, a space other than ' ', a byte-order mark).</summary>
    private static string Cited(Rune rune) =>
        Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.PrivateUse
            ? CodePoint(rune.Value)
            : rune.ToString();

    private static string CodePoint(int value) => "U+" + value.ToString("X4", CultureInfo.InvariantCulture);
}

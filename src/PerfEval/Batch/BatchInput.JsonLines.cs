using System.Text.Json;
using PerfEval.Diagnostics;
using PerfEval.Loading;

namespace PerfEval.Batch;

/// <summary>Programmes from JSON Lines: one <c>{"name": …, "indicatorSet": {…}, "actuals": {…}}</c> per line.</summary>
public sealed partial class BatchInput
{
    /// <summary>
    /// The longest line read from JSON Lines: room for two documents of <see cref="PerfEvalJson.MaxDocumentBytes"/>; a longer
    /// line is refused with PE1011 at its line without being held, and each document in a line is held to the document limit.
    /// </summary>
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
        return JsonLines.Read(path, MaxJsonLineBytes);
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
        return JsonLines.Read(utf8JsonLines, sourceName, MaxJsonLineBytes);
    }

    /// <summary>One line of JSON Lines, kept as bytes and read on the worker that evaluates it.</summary>
    internal static BatchInput FromJsonLine(byte[] line, string where)
    {
        BatchInput input = null!;
        input = new BatchInput(where, () => ReadLine(line, where, input));
        return input;
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
                    PerfEvalJson.ReadIndicatorSetWithin(line.AsMemory(setRange), name + "/" + PerfEvalJson.IndicatorSetFileName),
                    PerfEvalJson.ReadActualsWithin(line.AsMemory(actualsRange), name + "/" + PerfEvalJson.ActualsFileName));
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
                var read = PerfEvalJson.ReadIndicatorSetWithin(line, where);
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
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a name that is not UTF-8 (GetString transcodes it), reported as the line's PE1001.
            return Envelope.Malformed;
        }
    }
}

using System.Text.Json;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace PerfEval.Reporting;

/// <summary>Reads back what <see cref="ResultJson"/> wrote, so that a stored result can be rendered again without re-evaluating.</summary>
public static partial class ResultJson
{
    /// <summary>
    /// Reads a result written by <see cref="Write(EvaluationResult, Stream, bool)"/>: writing the result read gives the
    /// same JSON, and every table made from it is the one made from the original. Nothing here throws on bad input: a
    /// document that is not JSON is PE1001 (line and column), a missing property PE1004, a value of the wrong type
    /// PE1003 and an unknown code PE1005, each with its JSON path.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The result, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<EvaluationResult> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromBytes(InputFiles.FromString(json, PerfEvalJson.MaxDocumentBytes));
    }

    /// <summary>Reads a result from a UTF-8 stream (read to its end, or until it passes <see cref="PerfEvalJson.MaxDocumentBytes"/>; not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The result, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<EvaluationResult> Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromBytes(InputFiles.ReadStream(utf8Json, PerfEvalJson.MaxDocumentBytes));
    }

    /// <summary>Reads a result from a UTF-8 stream without blocking a thread; as <see cref="Read(Stream)"/>.</summary>
    /// <param name="utf8Json">The stream; read to its end (or past <see cref="PerfEvalJson.MaxDocumentBytes"/>), not closed.</param>
    /// <param name="cancellationToken">Stops the read with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The result, or the diagnostics that explain why there is none.</returns>
    public static async Task<LoadResult<EvaluationResult>> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromBytes(await InputFiles.ReadStreamAsync(utf8Json, PerfEvalJson.MaxDocumentBytes, cancellationToken).ConfigureAwait(false));
    }

    private static LoadResult<EvaluationResult> FromBytes(BoundedBytes bytes)
    {
        var bag = new DiagnosticBag();
        if (!bytes.Succeeded)
        {
            bag.Add(DiagnosticCodes.UnreadableFile, DiagnosticSeverity.Error, "$", null, ("reason", bytes.Reason));
            return new LoadResult<EvaluationResult>(null, bag.ToImmutable());
        }

        // A byte-order mark is skipped, as every other reader skips it (a result saved by an editor may carry one).
        var utf8 = InputFiles.WithoutByteOrderMark(bytes.Memory);
        JsonDocument document;
        var options = new JsonDocumentOptions { MaxDepth = PerfEvalJson.MaxDepth };
        try
        {
            document = JsonDocument.Parse(utf8, options);
        }
        catch (JsonException e)
        {
            // Explained as the other readers explain it, with the column in characters, not bytes.
            var readerOptions = new JsonReaderOptions { CommentHandling = options.CommentHandling, AllowTrailingCommas = options.AllowTrailingCommas, MaxDepth = options.MaxDepth };
            JsonSyntax.Report(bag, e, utf8.Span, new JsonTree.LineMap(utf8, null), null, readerOptions);
            return new LoadResult<EvaluationResult>(null, bag.ToImmutable());
        }

        using (document)
        {
            var result = new ResultReader(bag).Result(document.RootElement);
            return new LoadResult<EvaluationResult>(result, bag.ToImmutable());
        }
    }
}

using System.Text.Json;
using PerfEval.Actuals;
using PerfEval.Indicators;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Loading;

/// <summary>The asynchronous readers (streams read without blocking a thread) and the readers of parsed JSON.</summary>
public static partial class PerfEvalJson
{
    /// <summary>
    /// Reads an indicator set from a UTF-8 stream without blocking a thread (an ASP.NET Core request body, where
    /// synchronous reads are refused). The stream is read to its end, or until it passes <see cref="MaxDocumentBytes"/>
    /// (PE1011), and not closed.
    /// </summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <param name="cancellationToken">Stops the read with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The set, or the diagnostics that explain why there is none.</returns>
    public static async Task<LoadResult<IndicatorSet>> ReadIndicatorSetAsync(Stream utf8Json, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = await InputFiles.ReadStreamAsync(utf8Json, MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        return FromBytes(bytes, sourceName, ReadIndicatorSet);
    }

    /// <summary>Reads actuals from a UTF-8 stream without blocking a thread; as <see cref="ReadIndicatorSetAsync"/>.</summary>
    /// <param name="utf8Json">The stream; read to its end (or past <see cref="MaxDocumentBytes"/>), not closed.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <param name="cancellationToken">Stops the read with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The actuals, or the diagnostics that explain why there are none.</returns>
    public static async Task<LoadResult<ProgrammeActuals>> ReadActualsAsync(Stream utf8Json, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = await InputFiles.ReadStreamAsync(utf8Json, MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        return FromBytes(bytes, sourceName, ReadActuals);
    }

    /// <summary>Reads a scoring policy from a UTF-8 stream without blocking a thread.</summary>
    /// <param name="utf8Json">The stream; read to its end (or past <see cref="MaxDocumentBytes"/>), not closed.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <param name="catalog">The policies a policy may extend; <see cref="PolicyCatalog.BuiltIn"/> when null.</param>
    /// <param name="cancellationToken">Stops the read with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The policy, or the diagnostics that explain why there is none.</returns>
    public static async Task<LoadResult<ScoringPolicy>> ReadScoringPolicyAsync(Stream utf8Json, string? sourceName = null, PolicyCatalog? catalog = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = await InputFiles.ReadStreamAsync(utf8Json, MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        return FromBytes(bytes, sourceName, (span, source) => ReadPolicy(span, source, catalog));
    }

    /// <summary>Reads a rule template from a UTF-8 stream without blocking a thread.</summary>
    /// <param name="utf8Json">The stream; read to its end (or past <see cref="MaxDocumentBytes"/>), not closed.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <param name="cancellationToken">Stops the read with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The template, or the diagnostics that explain why there is none.</returns>
    public static async Task<LoadResult<RuleTemplate>> ReadRuleTemplateAsync(Stream utf8Json, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var bytes = await InputFiles.ReadStreamAsync(utf8Json, MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        return FromBytes(bytes, sourceName, ReadTemplate);
    }

    /// <summary>
    /// Reads an indicator set from JSON already parsed (a property of a request body, for instance). The element's
    /// text is read as a document of its own: lines and columns in the diagnostics count from the element's start.
    /// </summary>
    /// <param name="json">The element; an object for a valid set (anything else is reported, not thrown).</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The set, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<IndicatorSet> ReadIndicatorSet(JsonElement json, string? sourceName) => ReadIndicatorSet(RawText(json), sourceName);

    /// <summary>Reads actuals from JSON already parsed; as <see cref="ReadIndicatorSet(JsonElement, string?)"/>.</summary>
    /// <param name="json">The element.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The actuals, or the diagnostics that explain why there are none.</returns>
    public static LoadResult<ProgrammeActuals> ReadActuals(JsonElement json, string? sourceName) => ReadActuals(RawText(json), sourceName);

    /// <summary>Reads a scoring policy from JSON already parsed; as <see cref="ReadIndicatorSet(JsonElement, string?)"/>.</summary>
    /// <param name="json">The element.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <param name="catalog">The policies a policy may extend; <see cref="PolicyCatalog.BuiltIn"/> when null.</param>
    /// <returns>The policy, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<ScoringPolicy> ReadScoringPolicy(JsonElement json, string? sourceName, PolicyCatalog? catalog) =>
        ReadScoringPolicy(RawText(json), sourceName, catalog);

    /// <summary>Reads a rule template from JSON already parsed; as <see cref="ReadIndicatorSet(JsonElement, string?)"/>.</summary>
    /// <param name="json">The element.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The template, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<RuleTemplate> ReadRuleTemplate(JsonElement json, string? sourceName) => ReadRuleTemplate(RawText(json), sourceName);

    /// <summary>An element's text as it was written (an undefined element, from <c>default(JsonElement)</c>, reads as an empty document).</summary>
    private static string RawText(JsonElement json) => json.ValueKind == JsonValueKind.Undefined ? string.Empty : json.GetRawText();
}

using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Loading;

/// <summary>
/// Reads indicator sets and actuals from JSON strings, UTF-8 streams and files. Nothing here throws on bad
/// input: every problem comes back as a <see cref="Diagnostic"/> with its code, JSON path, line and column.
/// </summary>
public static partial class PerfEvalJson
{
    /// <summary>The file name an indicator set has inside a programme folder.</summary>
    public const string IndicatorSetFileName = "indicators.json";

    /// <summary>The file name the actuals have inside a programme folder.</summary>
    public const string ActualsFileName = "actuals.json";

    /// <summary>The file name of a programme folder's own scoring policy, used for a set that names none.</summary>
    public const string PolicyFileName = "policy.json";

    /// <summary>
    /// The largest document read (16 MiB), from a file, a stream or a string (in UTF-8); larger ones are refused
    /// with PE1011, as soon as the limit is passed while reading. Paths that name a folder, a device, a FIFO or a
    /// socket are refused with PE1011 without being opened.
    /// </summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Reads an indicator set from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The result: the value, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<IndicatorSet> ReadIndicatorSet(string json) => ReadIndicatorSet(json, sourceName: null);

    /// <summary>Reads an indicator set from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; it is read to its end, or until it passes <see cref="MaxDocumentBytes"/>, and not closed.</param>
    /// <returns>The result: the value, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<IndicatorSet> ReadIndicatorSet(Stream utf8Json) => ReadIndicatorSet(utf8Json, sourceName: null);

    /// <summary>Reads an indicator set from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">A name for the document in diagnostics (a file name), if any.</param>
    /// <returns>The set, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<IndicatorSet> ReadIndicatorSet(string json, string? sourceName)
    {
        return FromString(json, sourceName, ReadIndicatorSet);
    }

    /// <summary>Reads an indicator set from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; it is read to its end, or until it passes <see cref="MaxDocumentBytes"/>, and not closed.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The set, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<IndicatorSet> ReadIndicatorSet(Stream utf8Json, string? sourceName) =>
        FromStream(utf8Json, sourceName, ReadIndicatorSet);

    /// <summary>Reads an indicator set from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The set, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<IndicatorSet> ReadIndicatorSetFile(string path) => FromFile(path, ReadIndicatorSet);

    /// <summary>Reads actuals from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The result: the value, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<ProgrammeActuals> ReadActuals(string json) => ReadActuals(json, sourceName: null);

    /// <summary>Reads actuals from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; it is read to its end, or until it passes <see cref="MaxDocumentBytes"/>, and not closed.</param>
    /// <returns>The result: the value, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<ProgrammeActuals> ReadActuals(Stream utf8Json) => ReadActuals(utf8Json, sourceName: null);

    /// <summary>Reads actuals from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">A name for the document in diagnostics (a file name), if any.</param>
    /// <returns>The actuals, or the diagnostics that explain why there are none.</returns>
    public static LoadResult<ProgrammeActuals> ReadActuals(string json, string? sourceName)
    {
        return FromString(json, sourceName, ReadActuals);
    }

    /// <summary>Reads actuals from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; it is read to its end, or until it passes <see cref="MaxDocumentBytes"/>, and not closed.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The actuals, or the diagnostics that explain why there are none.</returns>
    public static LoadResult<ProgrammeActuals> ReadActuals(Stream utf8Json, string? sourceName) =>
        FromStream(utf8Json, sourceName, ReadActuals);

    /// <summary>Reads actuals from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The actuals, or the diagnostics that explain why there are none.</returns>
    public static LoadResult<ProgrammeActuals> ReadActualsFile(string path) => FromFile(path, ReadActuals);

    /// <summary>
    /// Reads a programme folder: <c>indicators.json</c> and <c>actuals.json</c> side by side, and the folder's own
    /// scoring policy <c>policy.json</c> when there is one. That policy applies to a set that names none (the set's own
    /// <c>"policy"</c> comes first; the evaluator's policy applies only without either); it is read like a policy file,
    /// and its <c>extends</c> is looked up when the set is evaluated, in the evaluator's catalogue.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The programme, or the diagnostics of its files.</returns>
    public static LoadResult<Programme> ReadProgrammeFolder(string folder)
    {
        var programme = ReadProgrammeFiles(Path.Combine(folder, IndicatorSetFileName), Path.Combine(folder, ActualsFileName));
        var policyPath = Path.Combine(folder, PolicyFileName);
        if (!File.Exists(policyPath))
        {
            return programme;
        }

        var policy = FromFile(policyPath, ReadFolderPolicy);
        var diagnostics = programme.Diagnostics.AddRange(policy.Diagnostics);
        if (programme.Value is not { } p || policy.Value is not { } overrides)
        {
            return new LoadResult<Programme>(null, diagnostics);
        }

        var set = p.IndicatorSet;
        if (set.PolicyName is null && PolicyOverrides.Of(set) is null)
        {
            set = set with { PolicyName = overrides.BaseName, InlinePolicy = overrides };
        }

        return new LoadResult<Programme>(p with { IndicatorSet = set }, diagnostics);
    }

    /// <summary>Reads a programme from an indicator-set file and an actuals file.</summary>
    /// <param name="indicatorSetPath">The indicator set.</param>
    /// <param name="actualsPath">The actuals.</param>
    /// <returns>The programme, or the diagnostics of both files.</returns>
    public static LoadResult<Programme> ReadProgrammeFiles(string indicatorSetPath, string actualsPath)
    {
        var set = ReadIndicatorSetFile(indicatorSetPath);
        var actuals = ReadActualsFile(actualsPath);
        var diagnostics = set.Diagnostics.AddRange(actuals.Diagnostics);
        return new LoadResult<Programme>(
            set.Value is not null && actuals.Value is not null ? new Programme(set.Value, actuals.Value) : null,
            diagnostics);
    }

    /// <summary>Reads a scoring policy from a JSON string; <c>extends</c> names a policy of <paramref name="catalog"/>.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <param name="catalog">The policies a policy may extend; <see cref="PolicyCatalog.BuiltIn"/> when null.</param>
    /// <returns>The policy, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<ScoringPolicy> ReadScoringPolicy(string json, string? sourceName, PolicyCatalog? catalog)
    {
        return FromString(json, sourceName, (span, source) => ReadPolicy(span, source, catalog));
    }

    /// <summary>Reads a scoring policy from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; it is read to its end, or until it passes <see cref="MaxDocumentBytes"/>, and not closed.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <param name="catalog">The policies a policy may extend; <see cref="PolicyCatalog.BuiltIn"/> when null.</param>
    /// <returns>The policy, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<ScoringPolicy> ReadScoringPolicy(Stream utf8Json, string? sourceName, PolicyCatalog? catalog) =>
        FromStream(utf8Json, sourceName, (span, source) => ReadPolicy(span, source, catalog));

    /// <summary>Reads a scoring policy from a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="catalog">The policies a policy may extend; <see cref="PolicyCatalog.BuiltIn"/> when null.</param>
    /// <returns>The policy, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<ScoringPolicy> ReadScoringPolicyFile(string path, PolicyCatalog? catalog) =>
        FromFile(path, (span, source) => ReadPolicy(span, source, catalog));

    /// <summary>Reads a rule template (reason rules, consistency rules, reason categories) from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The template, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<RuleTemplate> ReadRuleTemplate(string json, string? sourceName)
    {
        return FromString(json, sourceName, ReadTemplate);
    }

    /// <summary>Reads a rule template from a UTF-8 stream.</summary>
    /// <param name="utf8Json">The stream; it is read to its end, or until it passes <see cref="MaxDocumentBytes"/>, and not closed.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The template, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<RuleTemplate> ReadRuleTemplate(Stream utf8Json, string? sourceName) => FromStream(utf8Json, sourceName, ReadTemplate);

    /// <summary>Reads a rule template from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The template, or the diagnostics that explain why there is none.</returns>
    public static LoadResult<RuleTemplate> ReadRuleTemplateFile(string path) => FromFile(path, ReadTemplate);

    private static LoadResult<RuleTemplate> ReadTemplate(JsonTree.Document utf8, string? source)
    {
        var diagnostics = new DiagnosticBag();
        var root = JsonTree.Parse(utf8, source, diagnostics, MaxDepth);
        var template = root is null ? null : RuleReader.ReadTemplate(root, diagnostics);
        if (template is not null)
        {
            // Checked now, so that a template's errors point into its file.
            diagnostics.AddRange(RuleChecks.Check(template, null, SourceMaps.Build(root!)).Diagnostics);
        }

        root?.Release();
        return new LoadResult<RuleTemplate>(template, diagnostics.ToImmutable());
    }

    /// <summary>A folder's policy.json, kept as the values it changes, like a set's inline policy.</summary>
    private static LoadResult<PolicyOverrides> ReadFolderPolicy(JsonTree.Document utf8, string? source)
    {
        var diagnostics = new DiagnosticBag();
        var root = JsonTree.Parse(utf8, source, diagnostics, MaxDepth);
        var overrides = root is not null && SchemaChecker.Check(root, Schemas.Policy, diagnostics) && !diagnostics.HasErrors ? ScoringPolicyReader.ReadInline(root, diagnostics) : null;
        root?.Release();
        return new LoadResult<PolicyOverrides>(diagnostics.HasErrors ? null : overrides, diagnostics.ToImmutable());
    }

    private static LoadResult<ScoringPolicy> ReadPolicy(JsonTree.Document utf8, string? source, PolicyCatalog? catalog)
    {
        var diagnostics = new DiagnosticBag();
        var root = JsonTree.Parse(utf8, source, diagnostics, MaxDepth);
        var known = catalog ?? PolicyCatalog.BuiltIn;
        var policy = root is null ? null : ScoringPolicyReader.ReadFile(root, diagnostics, known);
        root?.Release();
        return new LoadResult<ScoringPolicy>(policy, diagnostics.ToImmutable());
    }

    /// <summary>
    /// An indicator set from UTF-8 bytes held elsewhere (a line of JSON Lines, which must not change afterwards: the set
    /// keeps them for its source map instead of a copy), refused past <see cref="MaxDocumentBytes"/>.
    /// </summary>
    internal static LoadResult<IndicatorSet> ReadIndicatorSetWithin(ReadOnlyMemory<byte> utf8, string? source) =>
        utf8.Length > MaxDocumentBytes ? Unreadable<IndicatorSet>(source, InputFiles.TooLargeReason(MaxDocumentBytes)) : ReadIndicatorSet(new JsonTree.Document(utf8, null), source);

    /// <summary>Actuals from UTF-8 bytes held elsewhere (kept as <see cref="ReadIndicatorSetWithin"/> keeps them), refused past <see cref="MaxDocumentBytes"/>.</summary>
    internal static LoadResult<ProgrammeActuals> ReadActualsWithin(ReadOnlyMemory<byte> utf8, string? source) =>
        utf8.Length > MaxDocumentBytes ? Unreadable<ProgrammeActuals>(source, InputFiles.TooLargeReason(MaxDocumentBytes)) : ReadActuals(new JsonTree.Document(utf8, null), source);

    private static LoadResult<IndicatorSet> ReadIndicatorSet(JsonTree.Document utf8, string? source)
    {
        var diagnostics = new DiagnosticBag();
        var root = JsonTree.Parse(utf8, source, diagnostics, MaxDepth);
        var set = root is null ? null : IndicatorSetReader.Read(root, diagnostics);
        root?.Release();
        if (set is not null)
        {
            // The checks that look past one value (ids, levels, targets, expressions, rules), made once, here.
            var check = SetChecks.Run(set);
            set = set with { ReadWarnings = [.. diagnostics.ToImmutable().Where(d => d.Severity != DiagnosticSeverity.Error)], Check = check };
            diagnostics.AddRange(check.Diagnostics);
        }

        return new LoadResult<IndicatorSet>(set, diagnostics.ToImmutable());
    }

    private static LoadResult<ProgrammeActuals> ReadActuals(JsonTree.Document utf8, string? source)
    {
        var diagnostics = new DiagnosticBag();
        var root = JsonTree.Parse(utf8, source, diagnostics, MaxDepth);
        var actuals = root is null ? null : ActualsReader.Read(root, diagnostics);
        root?.Release();
        if (actuals is not null && diagnostics.Count > 0)
        {
            actuals = actuals with { ReadWarnings = diagnostics.ToImmutable() };
        }

        return new LoadResult<ProgrammeActuals>(actuals, diagnostics.ToImmutable());
    }

    /// <summary>
    /// Reads a document from UTF-8 bytes that it may keep (for the source map): they do not change afterwards, unless the
    /// document also carries the string they were encoded from, which is then kept instead.
    /// </summary>
    private delegate LoadResult<T> SpanReader<T>(JsonTree.Document document, string? source)
        where T : class;

    private static LoadResult<T> FromStream<T>(Stream stream, string? source, SpanReader<T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(stream);
        return FromBytes(InputFiles.ReadStream(stream, MaxDocumentBytes), source, read);
    }

    private static LoadResult<T> FromFile<T>(string path, SpanReader<T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(path);
        return FromBytes(InputFiles.ReadFile(path, MaxDocumentBytes), path, read);
    }

    /// <summary>
    /// A string is held to the same limit as a file: its UTF-8 length is checked before it is encoded. It is encoded
    /// into a pooled buffer, given back once the document is read; the tree keeps the string for positions.
    /// </summary>
    private static LoadResult<T> FromString<T>(string json, string? source, SpanReader<T> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        if (InputFiles.TooLargeString(json, MaxDocumentBytes) is { } tooLarge)
        {
            return Unreadable<T>(source, tooLarge);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = System.Text.Encoding.UTF8.GetBytes(json, buffer);
            return read(new JsonTree.Document(buffer.AsMemory(0, length), json), source);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static LoadResult<T> FromBytes<T>(BoundedBytes bytes, string? source, SpanReader<T> read)
        where T : class =>
        bytes.Succeeded ? read(new JsonTree.Document(Kept(bytes), null), source) : Unreadable<T>(source, bytes.Reason!);

    /// <summary>The document's bytes, for the tree to keep: the buffer itself when little of it is unused, else a copy of the right size.</summary>
    private static ReadOnlyMemory<byte> Kept(BoundedBytes bytes) =>
        bytes.Bytes.Length - bytes.Length <= bytes.Length / 8 ? bytes.Memory : bytes.Span.ToArray();

    private static LoadResult<T> Unreadable<T>(string? source, object reason)
        where T : class
    {
        var bag = new DiagnosticBag();
        bag.Add(DiagnosticCodes.UnreadableFile, DiagnosticSeverity.Error, "$", source is null ? null : new SourceLocation(source, 1, 1), ("reason", reason));
        return new LoadResult<T>(null, bag.ToImmutable());
    }
}

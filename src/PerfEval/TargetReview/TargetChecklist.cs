using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.TargetReview;

/// <summary>
/// A target-review checklist (绩效目标审核清单): what <see cref="TargetReviewer"/> checks in an indicator set before the
/// year. The built-in one is <see cref="Default"/> (rules/checklists/target-review.json); a province replaces it with a
/// file of its own read by <see cref="Read(string, string?)"/> or <see cref="ReadFile"/>
/// (schema: rules/schema/target-checklist.schema.json). A check whose severity is <see langword="null"/> is off.
/// </summary>
public sealed record TargetChecklist
{
    private static readonly Lazy<TargetChecklist> BuiltIn = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The checklist's id.</summary>
    public required string Id { get; init; }

    /// <summary>The checklist's name (清单名称).</summary>
    public string? Name { get; init; }

    /// <summary>The documents the checklist follows (依据).</summary>
    public ImmutableArray<string> Sources { get; init; } = [];

    /// <summary>The indicator tree targets follow: <c>2020</c>, <c>2021</c> or <c>either</c>.</summary>
    public string LevelTree { get; init; } = "either";

    /// <summary>The programme type used when none is named; the first type when null.</summary>
    public string? DefaultProgrammeType { get; init; }

    /// <summary>The programme types and the kinds of indicator each must have.</summary>
    public required ImmutableArray<ProgrammeType> ProgrammeTypes { get; init; }

    /// <summary>The severity of PE8001 (a required kind missing).</summary>
    public DiagnosticSeverity? Required { get; init; } = DiagnosticSeverity.Error;

    /// <summary>The severity of PE8002 (a target of <see cref="QuantifiedLevel2"/> that is wording).</summary>
    public DiagnosticSeverity? Quantified { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>The level-2 groups whose targets must be numbers, ranges or deadlines.</summary>
    public ImmutableArray<Level2> QuantifiedLevel2 { get; init; } = [];

    /// <summary>The severity of PE8003 (a numeric target without a unit).</summary>
    public DiagnosticSeverity? Units { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>The severity of PE8004 (a comparison a <see cref="ComparisonRules"/> entry does not allow).</summary>
    public DiagnosticSeverity? Comparisons { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>The comparisons allowed by kind.</summary>
    public ImmutableArray<ComparisonRule> ComparisonRules { get; init; } = [];

    /// <summary>The severity of PE8005 (a target easier than the previous year's actual).</summary>
    public DiagnosticSeverity? PreviousYear { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>The severity of PE8007 (a level-1 group outside <see cref="LevelTree"/>).</summary>
    public DiagnosticSeverity? Levels { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>The built-in checklist (rules/checklists/target-review.json), after the national documents.</summary>
    public static TargetChecklist Default => BuiltIn.Value;

    /// <summary>Reads a checklist from a JSON string.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">A name for the document in diagnostics, if any.</param>
    /// <returns>The checklist, or the diagnostics (with line and column) that explain why there is none.</returns>
    public static LoadResult<TargetChecklist> Read(string json, string? sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ChecklistReader.Read(InputFiles.FromString(json, PerfEvalJson.MaxDocumentBytes), sourceName);
    }

    /// <summary>Reads a checklist from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The checklist, or the diagnostics (with line and column) that explain why there is none.</returns>
    public static LoadResult<TargetChecklist> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ChecklistReader.Read(InputFiles.ReadFile(path, PerfEvalJson.MaxDocumentBytes), path);
    }

    /// <summary>The programme type with an id; null when the checklist has none.</summary>
    /// <param name="id">The id; the default type when null.</param>
    /// <returns>The type, or null.</returns>
    public ProgrammeType? FindType(string? id)
    {
        var wanted = id ?? DefaultProgrammeType;
        return wanted is null ? ProgrammeTypes.FirstOrDefault() : ProgrammeTypes.FirstOrDefault(t => t.Id == wanted);
    }

    private static TargetChecklist LoadDefault()
    {
        using var stream = typeof(TargetChecklist).Assembly.GetManifestResourceStream("PerfEval.Checklists.target-review.json")
            ?? throw new InvalidOperationException("The built-in checklist is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), "target-review.json").GetValueOrThrow();
    }
}

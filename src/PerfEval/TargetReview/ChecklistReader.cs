using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.TargetReview;

/// <summary>
/// Maps a checklist document onto <see cref="TargetChecklist"/> after the structure has been checked against
/// target-checklist.schema.json; what is read here is what a schema cannot say: level names and the default type.
/// </summary>
internal static class ChecklistReader
{
    public static LoadResult<TargetChecklist> Read(BoundedBytes bytes, string? source)
    {
        var diagnostics = new DiagnosticBag();
        if (!bytes.Succeeded)
        {
            diagnostics.Add(DiagnosticCodes.UnreadableFile, DiagnosticSeverity.Error, "$", source is null ? null : new SourceLocation(source, 1, 1), ("reason", bytes.Reason));
            return new LoadResult<TargetChecklist>(null, diagnostics.ToImmutable());
        }

        var root = JsonTree.Parse(bytes.Memory, source, diagnostics, PerfEvalJson.MaxDepth);
        var checklist = root is null ? null : Map(root, diagnostics);
        root?.Release();
        return new LoadResult<TargetChecklist>(diagnostics.HasErrors ? null : checklist, diagnostics.ToImmutable());
    }

    private static TargetChecklist? Map(JsonTree root, DiagnosticBag diagnostics)
    {
        if (!SchemaChecker.Check(root, Schemas.TargetChecklist, diagnostics) && root.Invalid)
        {
            return null;
        }

        var types = root.Items("programmeTypes").Where(t => !t.Faulty).Select(t => new ProgrammeType
        {
            Id = t.String("id")!,
            Chinese = t.String("zh"),
            English = t.String("en"),
            Requires = [.. t.Items("requires").Where(k => !k.Faulty).Select(k => Kind(k, diagnostics))],
        }).ToImmutableArray();

        var defaultType = root.Get("defaultProgrammeType");
        if (defaultType?.Text is { } id && !types.Any(t => t.Id == id))
        {
            IndicatorSetReader.Invalid(defaultType, MessageText.Of("reason.expectedOneOf", ("choices", string.Join(" | ", types.Select(t => t.Id)))), diagnostics);
        }

        var comparisons = root.Get("comparisons");
        return new TargetChecklist
        {
            Id = root.String("id")!,
            Name = root.String("name"),
            Sources = root.Strings("sources"),
            LevelTree = root.String("levelTree") ?? "either",
            DefaultProgrammeType = defaultType?.Text,
            ProgrammeTypes = types,
            Required = Severity(root.Get("required"), DiagnosticSeverity.Error),
            Quantified = Severity(root.Get("quantified"), DiagnosticSeverity.Warning),
            QuantifiedLevel2 = root.Get("quantified") is { } q ? Level2s(q, diagnostics) : [],
            Units = Severity(root.Get("units"), DiagnosticSeverity.Warning),
            Comparisons = Severity(comparisons, DiagnosticSeverity.Warning),
            ComparisonRules = comparisons is null ? [] : [.. comparisons.Items("rules").Where(r => !r.Faulty).Select(r => new ComparisonRule
            {
                Level2 = Level2s(r, diagnostics),
                Allowed = [.. r.Strings("allowed").Select(a => Enum.Parse<Comparison>(a, ignoreCase: true))],
            })],
            PreviousYear = Severity(root.Get("previousYear"), DiagnosticSeverity.Warning),
            Levels = Severity(root.Get("levels"), DiagnosticSeverity.Warning),
        };
    }

    /// <summary>A check's severity: its own, the default when the check is written without one, null when it is off or absent.</summary>
    private static DiagnosticSeverity? Severity(JsonTree? check, DiagnosticSeverity fallback) => check?.String("severity") switch
    {
        null => check is null ? null : fallback,
        "off" => null,
        "error" => DiagnosticSeverity.Error,
        "info" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Warning,
    };

    private static IndicatorKind Kind(JsonTree node, DiagnosticBag diagnostics)
    {
        Level1? level1 = null;
        if (node.Get("level1") is { } l1)
        {
            if (IndicatorLevels.TryParseLevel1(l1.Text!, out var parsed))
            {
                level1 = parsed;
            }
            else
            {
                IndicatorSetReader.Invalid(l1, MessageText.Of("reason.expectedOneOf", ("choices", "output | benefit | satisfaction | cost")), diagnostics);
            }
        }

        return new IndicatorKind { Level1 = level1, Level2 = Level2s(node, diagnostics) };
    }

    private static ImmutableArray<Level2> Level2s(JsonTree node, DiagnosticBag diagnostics)
    {
        var levels = ImmutableArray.CreateBuilder<Level2>();
        foreach (var item in node.Items("level2"))
        {
            if (item.Text is not { } text)
            {
                continue;
            }

            if (IndicatorLevels.TryParseLevel2(text, out var level))
            {
                levels.Add(level);
            }
            else
            {
                IndicatorSetReader.Invalid(item, MessageText.Of("reason.expectedOneOf", ("choices", string.Join(" | ", IndicatorLevels.Level2Codes))), diagnostics);
            }
        }

        return levels.ToImmutable();
    }
}

using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;

namespace PerfEval.TargetReview;

/// <summary>
/// Reviews an indicator set's targets before the year (绩效目标审核) against a <see cref="TargetChecklist"/>: the kinds
/// of indicator the programme type needs, quantified targets, units, comparisons that fit the kind, the level tree,
/// targets against the previous year's actuals, and the weights against the scoring policy (the evaluator's own
/// checks, PE2009, PE2015, PE2018, PE2023). docs/target-review.md lists the sources of each check.
/// </summary>
public static class TargetReviewer
{
    /// <summary>The evaluator's codes that concern a set before any actual is known: its weights and its policy.</summary>
    private static readonly string[] PlanCodes =
    [
        DiagnosticCodes.UnknownPolicy, DiagnosticCodes.InvalidPolicy, DiagnosticCodes.WeightsDoNotAddUp, DiagnosticCodes.LevelPointsExceeded,
        DiagnosticCodes.NoLevelPoints, DiagnosticCodes.WeightsExceedTotal,
    ];

    /// <summary>Reviews the targets of an indicator set.</summary>
    /// <param name="set">The indicator set.</param>
    /// <param name="options">The checklist, programme type, previous year and evaluator; the defaults when null.</param>
    /// <returns>The review; its findings are in the culture of the evaluator, or the current UI culture.</returns>
    public static TargetReviewResult Review(IndicatorSet set, TargetReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= new TargetReviewOptions();
        var checklist = options.Checklist ?? TargetChecklist.Default;
        var evaluator = options.Evaluator ?? new Evaluator();
        var bag = new DiagnosticBag(evaluator.MessageCatalog, evaluator.Culture);
        var chinese = bag.Culture.TwoLetterISOLanguageName == "zh";
        var indicators = set.Indicators.IsDefault ? [] : set.Indicators;

        // The set's weights against the policy: what the evaluator finds before it sees any actual.
        var empty = evaluator.Evaluate(set, new ProgrammeActuals { IndicatorSet = set.Id });
        bag.AddRange(empty.Findings.Where(f => f.Code.StartsWith("PE1", StringComparison.Ordinal) || PlanCodes.Contains(f.Code)));

        var type = checklist.FindType(options.ProgrammeType);
        if (type is null)
        {
            bag.Add(DiagnosticCodes.UnknownProgrammeType, DiagnosticSeverity.Error, "$", null,
                ("type", options.ProgrammeType ?? checklist.DefaultProgrammeType), ("known", string.Join(", ", checklist.ProgrammeTypes.Select(t => t.Id))));
        }
        else if (checklist.Required is { } required)
        {
            foreach (var kind in type.Requires.Where(k => !indicators.Any(k.Includes)))
            {
                bag.Add(DiagnosticCodes.RequiredKindMissing, required, "$.indicators", set.Locations["$.indicators"] ?? set.Locations["$"],
                    ("type", type.Name(chinese)), ("kind", MessageText.Of(kind.NameKey)));
            }
        }

        var previous = options.PreviousYear is { } p ? PreviousActuals(set, p, evaluator) : null;
        for (var i = 0; i < indicators.Length; i++)
        {
            CheckIndicator(new Checked(indicators[i], $"$.indicators[{i}]", set), checklist, previous, bag);
        }

        return new TargetReviewResult
        {
            IndicatorSetId = set.Id,
            Name = set.Name,
            Year = set.Year,
            Checklist = checklist.Id,
            ProgrammeType = type?.Id,
            ComparedWithPreviousYear = previous is not null,
            Findings = bag.ToImmutable(),
        };
    }

    /// <summary>An indicator under review, with its JSON path and its set (for locations).</summary>
    private sealed record Checked(IndicatorDefinition Indicator, string Path, IndicatorSet Set)
    {
        public SourceLocation? At(string property) => Set.Locations[Path + "." + property] ?? Set.Locations[Path];
    }

    private static void CheckIndicator(Checked c, TargetChecklist checklist, Dictionary<string, decimal>? previous, DiagnosticBag bag)
    {
        var d = c.Indicator;
        var t = d.Target;
        var target = t.Text ?? t.Display;
        var kind = MessageText.Of("level2." + IndicatorLevels.Code(d.Level2));
        var targetPath = c.Path + ".target";
        if (checklist.Quantified is { } quantified && t.Comparison == Comparison.Qualitative && checklist.QuantifiedLevel2.Contains(d.Level2))
        {
            bag.Add(DiagnosticCodes.TargetNotQuantified, quantified, targetPath, c.At("target"), ("name", d.Name), ("id", d.Id), ("kind", kind), ("target", target));
        }

        // A zero target (无, 0 起 without a unit) counts nothing, so it needs no unit.
        if (checklist.Units is { } units && t.IsNumeric && !t.IsPercent && t.Value != 0 && string.IsNullOrWhiteSpace(d.Unit ?? t.Unit))
        {
            bag.Add(DiagnosticCodes.UnitMissing, units, targetPath, c.At("target"), ("name", d.Name), ("id", d.Id), ("target", target));
        }

        if (checklist.Comparisons is { } comparisons)
        {
            foreach (var rule in checklist.ComparisonRules.Where(r => r.Level2.Contains(d.Level2) && !r.Allowed.Contains(t.Comparison)))
            {
                bag.Add(DiagnosticCodes.ComparisonNotMeaningful, comparisons, targetPath, c.At("target"), ("name", d.Name), ("id", d.Id), ("kind", kind),
                    ("comparison", ComparisonName(t.Comparison)), ("allowed", MessageText.List(rule.Allowed.Select(ComparisonName))));
            }
        }

        if (checklist.Levels is { } levels && OutsideTree(d, checklist.LevelTree))
        {
            bag.Add(DiagnosticCodes.LevelOutsideChecklistTree, levels, c.Path + ".level1", c.At("level1") ?? c.At("level2"),
                ("name", d.Name), ("id", d.Id), ("level1", MessageText.Of("level1." + IndicatorLevels.Code(d.Level1))), ("tree", checklist.LevelTree));
        }

        if (checklist.PreviousYear is { } previousYear && previous is not null && previous.TryGetValue(d.Id, out var last) && EasierThan(t, last))
        {
            bag.Add(DiagnosticCodes.TargetBelowPreviousActual, previousYear, targetPath, c.At("target"), ("name", d.Name), ("id", d.Id), ("target", target),
                ("previous", Notation.Number(last) + (t.IsPercent ? "%" : string.Empty)));
        }
    }

    /// <summary>Whether a target asks for less than an actual already reached: below it for "more is better", above it for a cap.</summary>
    private static bool EasierThan(Target t, decimal last) => t.Value is { } v && t.Comparison switch
    {
        Comparison.AtLeast or Comparison.GreaterThan => v < last,
        Comparison.Equal => v > 0 && v < last,
        Comparison.AtMost or Comparison.LessThan => v > last,
        _ => false,
    };

    /// <summary>2020: cost is a level-2 group of output only; 2021: cost is its own level 1, not a group of output.</summary>
    private static bool OutsideTree(IndicatorDefinition d, string tree) => tree switch
    {
        "2020" => d.Level1 == Level1.Cost,
        "2021" => d.Level1 == Level1.Output && d.Level2 == Level2.Cost,
        _ => false,
    };

    private static string ComparisonName(Comparison comparison) =>
        Target.Symbol(comparison) is { Length: > 0 } symbol ? symbol : char.ToLowerInvariant(comparison.ToString()[0]) + comparison.ToString()[1..];

    /// <summary>The previous year's actual numbers by indicator id, read as the evaluator reads actuals (percentages, computed actuals).</summary>
    private static Dictionary<string, decimal> PreviousActuals(IndicatorSet set, ProgrammeActuals previous, Evaluator evaluator)
    {
        var result = evaluator.Evaluate(set, previous with { IndicatorSet = set.Id, Year = null, Stated = null });
        var known = previous.Indicators.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        return result.Indicators.Where(r => known.Contains(r.Id) && r.ActualNumber is not null).ToDictionary(r => r.Id, r => r.ActualNumber!.Value, StringComparer.Ordinal);
    }
}

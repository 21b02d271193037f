using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Preparation;
using PerfEval.Scoring;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// What one step of an evaluation reads, built in code for a test that calls the step itself: a set and its actuals
/// (no files, so no locations), the set's plan under a policy, and an empty bag for the step's findings, in English.
/// </summary>
internal static class StepContext
{
    /// <summary>The id of the set <see cref="Set"/> makes; <see cref="ActualsWith"/> names it.</summary>
    public const string SetId = "s";

    /// <summary>The context of <paramref name="set"/> and <paramref name="actuals"/> under <paramref name="policy"/> (mof-2020 when null).</summary>
    public static EvaluationContext For(IndicatorSet set, ProgrammeActuals actuals, ScoringPolicy? policy = null)
    {
        var plan = new Planner(policy ?? ScoringPolicy.Mof2020, PolicyCatalog.BuiltIn, CompiledRules.Empty).Prepare(set);
        return new EvaluationContext(plan, actuals, new DiagnosticBag(MessageCatalog.Default, CultureInfo.GetCultureInfo("en")));
    }

    /// <summary>The set <c>s</c> of 2025 with <paramref name="indicators"/>.</summary>
    public static IndicatorSet Set(params IndicatorDefinition[] indicators) =>
        new() { Id = SetId, Name = "测试项目", Year = 2025, Indicators = [.. indicators] };

    /// <summary>Actuals for the set <c>s</c> with <paramref name="indicators"/>.</summary>
    public static ProgrammeActuals ActualsWith(params IndicatorActual[] indicators) =>
        new() { IndicatorSet = SetId, Indicators = [.. indicators] };

    /// <summary>The actual <paramref name="number"/> for the indicator <paramref name="id"/>.</summary>
    public static IndicatorActual Given(string id, decimal number) => new() { Id = id, Actual = ActualValue.FromNumber(number) };

    /// <summary>What the steps run on the context have found so far.</summary>
    public static ImmutableArray<Diagnostic> Found(this EvaluationContext context) => context.Findings.ToImmutable();
}

using System.Collections.Immutable;
using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;
using static PerfEval.Tests.Evaluation.StepContext;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The totals step called by itself (scoring.md, Weights): the budget's weight and the indicators' add up to the policy's
/// 100 points, a warning (PE2009) when they do not, an error (PE2023) when they or the total score go above.
/// </summary>
public sealed class TotalsTests
{
    private static readonly BudgetResult Budget = new() { Unit = "万元", Weight = 10m, Score = 9.96m };

    /// <summary>A context of its own for each test: the step writes its findings into it.</summary>
    private static EvaluationContext NewContext() => For(Set(Indicator("n", "≥100")), ActualsWith());

    private static ImmutableArray<IndicatorResult> Weighing(params decimal[] weights) => [.. weights.Select((w, i) => new IndicatorResult
    {
        Id = "i" + i,
        Name = "指标" + i,
        Level1 = Level1.Output,
        Level2 = Level2.Quantity,
        Target = Indicator("i" + i, "≥100").Target,
        Status = IndicatorStatus.Met,
        Weight = w,
        Score = w,
    })];

    [Fact]
    public void Weights_that_add_up_to_the_policys_total_raise_nothing()
    {
        var context = NewContext();

        Totals.CheckWeights(context, Budget, Weighing(50m, 30m, 10m)).Should().Be(100m);

        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void Weights_that_fall_short_are_a_warning_at_the_sets_indicators()
    {
        var context = NewContext();

        Totals.CheckWeights(context, Budget, Weighing(50m, 30m)).Should().Be(90m);

        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.WeightsDoNotAddUp, DiagnosticSeverity.Warning, "$.indicators"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = "90", ["expected"] = "100" });
    }

    [Fact]
    public void A_set_without_indicators_weighs_the_budget_alone_without_a_warning()
    {
        var context = For(Set(), ActualsWith());

        Totals.CheckWeights(context, Budget, []).Should().Be(10m);

        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void Full_marks_are_not_above_the_total()
    {
        var context = NewContext();

        Totals.CheckTotal(context, 100m, 100m);

        context.Found().Should().BeEmpty();
    }

    [Theory]
    [InlineData("100.01", "99")]
    [InlineData("100", "100.01")]
    public void Weights_or_a_total_score_above_the_policys_total_are_an_error(string weights, string score)
    {
        var context = NewContext();

        Totals.CheckTotal(context, decimal.Parse(weights, CultureInfo.InvariantCulture), decimal.Parse(score, CultureInfo.InvariantCulture));

        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.WeightsExceedTotal, DiagnosticSeverity.Error, "$.indicators"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["sum"] = weights, ["score"] = score, ["policy"] = "mof-2020", ["expected"] = "100" });
    }
}

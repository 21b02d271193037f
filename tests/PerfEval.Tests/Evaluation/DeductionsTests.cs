using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;
using static PerfEval.Tests.Evaluation.StepContext;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The deductions step called by itself (scoring.md, Deductions): a deduction given in the actuals comes off the score,
/// which stays at 0 or above, <c>Round(max(0, score − deduction))</c>; a policy without deductions ignores it and warns (PE2020).
/// </summary>
public sealed class DeductionsTests
{
    private static readonly ScoringPolicy NoDeductions = ScoringPolicy.Mof2020 with { Name = "no-deductions", AllowDeductions = false };

    /// <summary>Applies the deduction the actuals give the indicator <c>n</c> (≥100, 10 points) to <paramref name="score"/>.</summary>
    private static (decimal? Applied, decimal Score, EvaluationContext Context) Apply(decimal score, decimal? deduction, ScoringPolicy? policy = null)
    {
        var n = Indicator("n", "≥100");
        var given = Given("n", 90m) with { Deduction = deduction };
        var context = For(Set(n), ActualsWith(given), policy);

        var applied = Deductions.Apply(context, new IndicatorInput(0, n, given), ref score);

        return (applied, score, context);
    }

    [Fact]
    public void A_deduction_comes_off_the_score()
    {
        var (applied, score, context) = Apply(9m, 2.5m);

        (applied, score).Should().Be((2.5m, 6.5m));
        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void A_deduction_larger_than_the_score_leaves_0()
    {
        var (applied, score, _) = Apply(3m, 5m);

        (applied, score).Should().Be((5m, 0m));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    public void No_deduction_or_a_deduction_of_0_leaves_the_score_and_is_no_deduction(string? deduction)
    {
        var (applied, score, context) = Apply(9m, deduction is null ? null : decimal.Parse(deduction, CultureInfo.InvariantCulture));

        (applied, score).Should().Be((null, 9m));
        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void A_policy_without_deductions_keeps_the_score_and_warns_at_the_deduction()
    {
        var (applied, score, context) = Apply(9m, 2m, NoDeductions);

        (applied, score).Should().Be((null, 9m));
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.DeductionNotAllowed, DiagnosticSeverity.Warning, "$.indicators.n.deduction"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["policy"] = "no-deductions", ["deduction"] = "2" });
    }
}

using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;
using static PerfEval.Tests.Evaluation.StepContext;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The matching step called by itself: actuals for another set (PE2002) or another year (PE2022), and each entry of the
/// actuals put at its indicator's position, unknown ids (PE2001) and repeated ones (PE1007) reported.
/// </summary>
public sealed class ActualsMatchingTests
{
    private static readonly IndicatorSet ThreeIndicators =
        Set(Indicator("trainees", "≥100"), Indicator("jobs", "≥50"), Indicator("visits", "≥20"));

    /// <summary>The entries the step matched, by the set's positions (the rented array may be longer), the array given back.</summary>
    private static IndicatorActual?[] Matched(EvaluationContext context)
    {
        var byPosition = ActualsMatching.Match(context);
        try
        {
            byPosition.Length.Should().BeGreaterThanOrEqualTo(context.Set.Indicators.Length);
            return byPosition[..context.Set.Indicators.Length];
        }
        finally
        {
            ActualsMatching.Return(byPosition);
        }
    }

    [Fact]
    public void Actuals_for_the_sets_id_and_year_raise_nothing()
    {
        var context = For(ThreeIndicators, ActualsWith() with { Year = 2025 });

        ActualsMatching.CheckProgramme(context);

        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void Actuals_for_another_set_are_an_error_at_their_indicator_set()
    {
        var context = For(ThreeIndicators, ActualsWith() with { IndicatorSet = "other" });

        ActualsMatching.CheckProgramme(context);

        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.IndicatorSetMismatch, DiagnosticSeverity.Error, "$.indicatorSet"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["actual"] = "other", ["expected"] = "s" });
    }

    [Fact]
    public void Actuals_for_another_year_are_an_error_at_their_year_and_actuals_without_a_year_are_not()
    {
        var other = For(ThreeIndicators, ActualsWith() with { Year = 2024 });
        var none = For(ThreeIndicators, ActualsWith());

        ActualsMatching.CheckProgramme(other);
        ActualsMatching.CheckProgramme(none);

        var finding = other.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.YearMismatch, DiagnosticSeverity.Error, "$.year"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["actual"] = "2024", ["expected"] = "2025", ["set"] = "s" });
        none.Found().Should().BeEmpty();
    }

    [Fact]
    public void Each_entry_stands_at_its_indicators_position_whatever_the_order_of_the_actuals()
    {
        var (visits, trainees) = (Given("visits", 25m), Given("trainees", 120m));
        var context = For(ThreeIndicators, ActualsWith(visits, trainees));

        var matched = Matched(context);

        matched.Should().Equal(trainees, null, visits);
        context.Found().Should().BeEmpty("an indicator without an entry is the completion step's business, not the matching's");
    }

    [Fact]
    public void An_unknown_id_is_an_error_at_its_entry_with_the_nearest_id_suggested()
    {
        var context = For(ThreeIndicators, ActualsWith(Given("trainee", 120m), Given("jobs", 50m)));

        var matched = Matched(context);

        matched.Select(a => a?.Id).Should().Equal(null, "jobs", null);
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.UnknownIndicator, DiagnosticSeverity.Error, "$.indicators.trainee"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["set"] = "s", ["id"] = "trainee", ["suggestion"] = " Did you mean 'trainees'?" });
    }

    [Fact]
    public void A_repeated_id_is_an_error_and_its_first_entry_counts()
    {
        var (first, second) = (Given("jobs", 50m), Given("jobs", 10m));
        var context = For(ThreeIndicators, ActualsWith(first, second));

        var matched = Matched(context);

        matched[1].Should().BeSameAs(first);
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, "$.indicators.jobs"));
        finding.Arguments["id"].Should().Be("jobs");
    }
}

using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using static PerfEval.Tests.Rules.RuleTestData;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The evaluation as a whole: the warnings found while reading come along, the findings are ordered by severity, and
/// the evaluator's language of findings holds whatever the language of the calling thread.
/// </summary>
public sealed class EvaluationRunTests
{
    private const string Set = """
        { "id": "s", "name": "测试项目", "year": 2025,
          "indicators": [ { "id": "n", "name": "培训人数", "level2": "quantity", "target": "≥100", "unit": "人", "weight": 90 } ] }
        """;

    [Fact]
    public void Warnings_found_while_reading_the_actuals_are_findings_of_the_evaluation()
    {
        var read = new Diagnostic(DiagnosticCodes.LabelAlias, DiagnosticSeverity.Info, "$.indicators.n", "read warning");
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 100 } }""").GetValueOrThrow()
            with { ReadWarnings = [read] };
        var set = PerfEvalJson.ReadIndicatorSet(Set).GetValueOrThrow();

        var r = new Evaluator().Evaluate(set, actuals);

        r.Findings.Should().Contain(f => f.Code == DiagnosticCodes.LabelAlias && f.Path == "$.indicators.n");
    }

    [Fact]
    public void Findings_come_errors_first_then_warnings_then_information()
    {
        // An unknown indicator (error), an overspending (warning) and a negative actual (information).
        var r = EvaluationFiles.Evaluate(Set, """{ "indicatorSet": "s", "budget": { "available": 100, "spent": 110 }, "indicators": { "n": -1, "m": 1 } }""");

        r.Findings.Select(f => f.Severity).Should().Contain([DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Info]);
        r.Findings.Select(f => f.Severity).Should().BeInDescendingOrder();
    }

    [Fact]
    public void An_evaluator_with_a_language_writes_its_findings_in_it_whatever_the_threads_language()
    {
        var set = PerfEvalJson.ReadIndicatorSet(Set).GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "other", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 100 } }""").GetValueOrThrow();
        var evaluator = new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en") });
        var english = evaluator.Evaluate(set, actuals).Findings.Single(f => f.Code == DiagnosticCodes.IndicatorSetMismatch).Message;

        var (fromSet, fromProgramme) = InCulture("zh-CN", () => (evaluator.Evaluate(set, actuals), evaluator.Evaluate(new Programme(set, actuals))));
        var chinese = InCulture("zh-CN", () => new Evaluator().Evaluate(set, actuals)).Findings.Single(f => f.Code == DiagnosticCodes.IndicatorSetMismatch).Message;

        chinese.Should().NotBe(english);
        fromSet.Findings.Single(f => f.Code == DiagnosticCodes.IndicatorSetMismatch).Message.Should().Be(english);
        fromProgramme.Findings.Single(f => f.Code == DiagnosticCodes.IndicatorSetMismatch).Message.Should().Be(english);
    }
}

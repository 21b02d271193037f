using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Loading;

/// <summary>
/// One path style (docs/diagnostics.md, "Paths"): a finding's path is the JSON path of the value in the document its
/// location points to: <c>$.indicators[i]</c> in the indicator set, <c>$.indicators.&lt;id&gt;</c> in the actuals.
/// </summary>
public sealed class DiagnosticPathTests
{
    private const string SetJson = """
        {
          "id": "paths-2025", "name": "路径测试", "year": 2025,
          "indicators": [
            { "id": "reported", "name": "已填报", "level2": "quantity", "target": "≥100", "weight": 25 },
            { "id": "unreported", "name": "未填报", "level2": "quantity", "target": "≥100", "weight": 25 }
          ],
          "consistencyRules": [ { "id": "c1", "expression": "score >= weight", "code": "ZL001", "severity": "warning", "message": "未得满分" } ]
        }
        """;

    private const string ActualsJson = """
        {
          "indicatorSet": "paths-2025",
          "budget": { "available": 100, "spent": 100 },
          "indicators": { "reported": 50 },
          "stated": { "scores": { "reported": 50 }, "level1Scores": { "output": 60 } }
        }
        """;

    private static (IndicatorSet Set, Actuals.ProgrammeActuals Actuals, AuditResult Audit) Run()
    {
        var set = PerfEvalJson.ReadIndicatorSet(SetJson, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals(ActualsJson, "actuals.json").GetValueOrThrow();
        return (set, actuals, Auditor.Audit(new Evaluator().Evaluate(set, actuals), actuals));
    }

    [Fact]
    public void Findings_about_an_indicator_without_an_entry_in_the_actuals_point_at_it_in_the_set_by_position()
    {
        var (_, _, audit) = Run();

        var about = audit.Findings.Where(f => f.Arguments.TryGetValue("id", out var id) && id == "unreported").ToList();

        about.Select(f => f.Code).Should().Contain([DiagnosticCodes.MissingActual, DiagnosticCodes.ExplanationMissing]);
        about.Should().OnlyContain(f => f.Path == "$.indicators[1]" && f.Location!.Source == "indicators.json" && f.Location.Line == 5);
    }

    [Fact]
    public void Findings_about_an_indicator_with_an_entry_point_at_the_entry_in_the_actuals_by_id()
    {
        var (_, _, audit) = Run();

        var explanation = audit.Findings.Single(f => f.Code == DiagnosticCodes.ExplanationMissing && f.Arguments["id"] == "reported");
        explanation.Path.Should().Be("$.indicators.reported");
        explanation.Location!.Source.Should().Be("actuals.json");
        audit.Findings.Should().Contain(f => f.Code == "ZL001" && f.Path == "$.indicators.reported" && f.Location!.Source == "actuals.json");
        audit.Findings.Should().Contain(f => f.Code == "ZL001" && f.Path == "$.indicators[1]" && f.Location!.Source == "indicators.json",
            "a rule about an indicator without an entry points at the indicator in the set");
    }

    [Fact]
    public void Every_finding_with_a_location_has_a_path_that_leads_to_that_location_in_its_own_document()
    {
        var (set, actuals, audit) = Run();

        audit.Findings.Should().NotBeEmpty();
        foreach (var f in audit.Findings.Where(f => f.Location is not null))
        {
            var map = f.Location!.Source == "indicators.json" ? set.Locations : actuals.Locations;
            map[f.Path].Should().Be(f.Location, $"{f.Code} at {f.Path} is located at {f.Location}");
        }
    }
}

using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Tests.Reporting;

public sealed class OutputSafetyTests
{
    private static SelfEvaluationTable Table(string name, string reason)
    {
        var set = PerfEvalJson.ReadIndicatorSet(
            $$"""
            { "id": "s", "name": "{{name}}", "year": 2025,
              "indicators": [ { "id": "n", "name": "{{name}}", "level2": "quantity", "target": "100", "weight": 90 } ] }
            """).GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals($$"""{ "indicatorSet": "s", "budget": { "available": 1, "spent": 1 }, "indicators": { "n": { "actual": 82, "reason": "{{reason}}" } } }""").GetValueOrThrow();
        return SelfEvaluationTable.From(new Evaluator().Evaluate(set, actuals));
    }

    [Fact]
    public void Csv_text_that_a_spreadsheet_would_run_as_a_formula_stays_text()
    {
        var csv = TableWriters.ToCsv(Table("=HYPERLINK(\\\"x\\\")", "@SUM(A1)"));

        csv.Should().NotContain(",=HYPERLINK").And.Contain("'=HYPERLINK");
        csv.Should().Contain("'@SUM(A1)");
        csv.Should().Contain(",82.00,", "numbers stay plain numbers");
    }

    [Fact]
    public void Markdown_escapes_html_in_names()
    {
        TableWriters.ToMarkdown(Table("<script>x</script>", "a|b")).Should().NotContain("<script>").And.Contain("&lt;script&gt;").And.Contain("a\\|b");
    }

    [Fact]
    public void A_message_quotes_no_more_than_a_short_excerpt_of_a_long_value()
    {
        var expression = "a" + string.Concat(Enumerable.Repeat(" + a", 3000));

        var load = PerfEvalJson.ReadIndicatorSet(
            $$"""{ "id": "s", "name": "n", "year": 2025, "indicators": [ { "id": "n", "name": "n", "level2": "quantity", "target": "1", "compute": "{{expression}}" } ] }""");

        var diagnostic = load.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidExpression).Subject;
        diagnostic.Message.Length.Should().BeLessThan(400);
        diagnostic.Arguments["expression"].Should().EndWith("…");
    }
}

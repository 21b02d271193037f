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
        TableWriters.ToMarkdown(Table("<script>x</script>", "a|b")).Should().NotContain("<script>").And.Contain("&lt;script&gt;").And.Contain("a&#124;b");
    }

    [Theory]
    [InlineData("a|b", "a&#124;b")]
    [InlineData("a\\|b", "a\\\\&#124;b")]
    [InlineData("a\\\\|b", "a\\\\\\\\&#124;b")]
    [InlineData("末尾\\", "末尾\\\\")]
    [InlineData("一\r\n二\r三\n四", "一<br>二<br>三<br>四")]
    [InlineData("[x](javascript:alert(1))", "\\[x\\](javascript\\:alert(1))")]
    [InlineData("![i](https://e.example/i.png)", "!\\[i\\](https\\://e.example/i.png)")]
    [InlineData("www.e.example a@e.example", "www\\.e.example a\\@e.example")]
    [InlineData("<https://e.example> & \"", "&lt;https\\://e.example&gt; &amp; &quot;")]
    [InlineData("*a* _b_ `c` ~~d~~ #e", "\\*a\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\#e")]
    [InlineData("完成率 99.57% 𠀀", "完成率 99.57% &#131072;")]
    public void Markdown_text_shows_the_text_and_nothing_else(string text, string markdown)
    {
        TableWriters.Md(text).Should().Be(markdown);
    }

    [Fact]
    public void A_backslash_before_a_pipe_in_a_name_does_not_add_a_cell_to_its_row()
    {
        var md = TableWriters.ToMarkdown(Table("补贴\\\\|人数 [x](javascript:alert(1))", "原因\\\\|说明"));

        var table = md.Split('\n').SkipWhile(l => !l.StartsWith("| 一级指标", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith('|')).ToList();
        table.Should().HaveCount(4, "header, delimiter, one indicator, total");
        table.Select(l => l.Count(c => c == '|')).Should().AllBeEquivalentTo(10, "nine cells each, as in the header");
        md.Should().NotContain("\\|").And.NotContain("](javascript:");
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

using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using PerfEval.Loading;
using PerfEval.Testing;
using Samples;

namespace PerfEval.Packaging.Tests;

public sealed partial class DocSnippetTests
{
    [Fact]
    public void The_json_lines_snippet_writes_one_summary_line_per_programme_in_order()
    {
        var set = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.SeedExample(), PerfEvalJson.IndicatorSetFileName)))!.ToJsonString();
        var actuals = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.SeedExample(), PerfEvalJson.ActualsFileName)))!.ToJsonString();
        var file = Path.Combine(_temp, "programmes.jsonl");
        File.WriteAllLines(file, [$$"""{"name": "a", "indicatorSet": {{set}}, "actuals": {{actuals}}}""", "{ broken", $$"""{"name": "c", "indicatorSet": {{set}}, "actuals": {{actuals}}}"""]);
        using var output = new MemoryStream();

        var count = JsonLinesSummaries.WriteSummaries(file, output);

        count.Should().Be(3);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("source").GetString()).Should().Equal($"{file}:1 a", $"{file}:2", $"{file}:3 c");
        lines.Select(l => l.GetProperty("totalScore").ValueKind == JsonValueKind.Null ? (decimal?)null : l.GetProperty("totalScore").GetDecimal()).Should().Equal(95.23m, null, 95.23m);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace PerfEval.Cli.Tests;

/// <summary><c>evaluate --detail summary</c>: one compact line per programme, in input order, with the full result's figures.</summary>
public sealed class SummaryDetailTests() : CommandTestBase("perfeval-summary-")
{
    /// <summary>
    /// The seed example as JSON Lines, programme i with its own set id and i more people for one indicator (so that
    /// scores differ from line to line), with <paramref name="bad"/> lines that cannot be read.
    /// </summary>
    private string JsonLines(int count, params int[] bad)
    {
        var set = JsonNode.Parse(File.ReadAllText(Path.Combine(Example, "indicators.json")))!;
        var actuals = JsonNode.Parse(File.ReadAllText(Path.Combine(Example, "actuals.json")))!;
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            if (bad.Contains(i))
            {
                lines.Add("{ not json");
                continue;
            }

            set["id"] = $"programme-{i}";
            actuals["indicatorSet"] = $"programme-{i}";
            actuals["indicators"]!["intern-subsidy-recipients"]!["actual"] = 46 + (i * 7);
            lines.Add(new JsonObject { ["name"] = $"p{i}", ["indicatorSet"] = set.DeepClone(), ["actuals"] = actuals.DeepClone() }.ToJsonString());
        }

        var file = Path.Combine(Temp, "big.jsonl");
        File.WriteAllLines(file, lines);
        return file;
    }

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Summary_lines_come_out_one_per_programme_in_input_order_with_the_full_results_figures()
    {
        var file = JsonLines(12);

        var (exit, output, error) = Run("evaluate", file, "--format", "jsonl", "--detail", "summary");
        var (fullExit, fullOutput, _) = Run("evaluate", file, "--format", "jsonl", "--detail", "full");

        exit.Should().Be(0, error);
        fullExit.Should().Be(0);
        var summaries = Lines(output);
        var full = Lines(fullOutput);
        summaries.Should().HaveCount(12);
        summaries.Select(s => s.GetProperty("indicatorSet").GetString()).Should().Equal(Enumerable.Range(0, 12).Select(i => $"programme-{i}"));
        summaries.Select(s => s.GetProperty("source").GetString()).Should().Equal(Enumerable.Range(0, 12).Select(i => $"{file}:{i + 1} p{i}"));
        summaries.Select(s => s.GetProperty("totalScore").GetDecimal()).Distinct().Should().HaveCountGreaterThan(1, "the programmes differ");
        for (var i = 0; i < 12; i++)
        {
            var (s, f) = (summaries[i], full[i]);
            s.GetProperty("indicatorSet").GetString().Should().Be(f.GetProperty("indicatorSet").GetString());
            s.GetProperty("name").GetString().Should().Be(f.GetProperty("name").GetString());
            s.GetProperty("year").GetInt32().Should().Be(f.GetProperty("year").GetInt32());
            s.GetProperty("totalScore").GetRawText().Should().Be(f.GetProperty("totalScore").GetRawText());
            s.GetProperty("grade").GetString().Should().Be(f.GetProperty("grade").GetString());
            s.GetProperty("gradeCode").GetString().Should().Be(f.GetProperty("gradeCode").GetString());
            s.GetProperty("executionRate").GetRawText().Should().Be(f.GetProperty("budget").GetProperty("executionRate").GetRawText());
            var statuses = f.GetProperty("indicators").EnumerateArray().GroupBy(x => x.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.Count());
            foreach (var status in s.GetProperty("statuses").EnumerateObject())
            {
                status.Value.GetInt32().Should().Be(statuses.GetValueOrDefault(status.Name), $"line {i + 1}, {status.Name}");
            }

            var findings = f.GetProperty("findings").EnumerateArray().ToList();
            s.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).Should().Equal(findings.Select(x => x.GetProperty("code").GetString()));
            s.GetProperty("errors").GetInt32().Should().Be(findings.Count(x => x.GetProperty("severity").GetString() == "error"));
            s.GetProperty("warnings").GetInt32().Should().Be(findings.Count(x => x.GetProperty("severity").GetString() == "warning"));
        }
    }

    [Fact]
    public void A_summary_line_is_one_compact_object_with_the_documented_fields()
    {
        var (exit, output, _) = Run("evaluate", Example, "--format", "jsonl", "--detail", "summary");

        exit.Should().Be(0);
        output.Should().EndWith("\n").And.NotContain("\n ", "one compact line");
        output.TrimEnd('\n').Should().NotContain("\n");
        var s = Lines(output).Single();
        s.EnumerateObject().Select(p => p.Name).Should().Equal("source", "indicatorSet", "name", "year", "totalScore", "grade", "gradeCode", "executionRate", "statuses", "errors", "warnings", "codes");
        s.GetProperty("totalScore").GetDecimal().Should().Be(95.23m);
        s.GetProperty("grade").GetString().Should().Be("优");
        s.GetProperty("executionRate").GetDecimal().Should().Be(99.57m);
        s.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).Should().Equal("PE3001", "PE3001");
    }

    [Fact]
    public void A_line_that_cannot_be_read_keeps_its_place_with_nulls_and_its_codes_and_is_reported()
    {
        var file = JsonLines(5, bad: 2);

        var (exit, output, error) = Run("evaluate", file, "--format", "jsonl", "--detail", "summary");

        exit.Should().Be(1);
        var summaries = Lines(output);
        summaries.Should().HaveCount(5);
        summaries[2].GetProperty("source").GetString().Should().Be($"{file}:3");
        summaries[2].GetProperty("totalScore").ValueKind.Should().Be(JsonValueKind.Null);
        summaries[2].GetProperty("statuses").ValueKind.Should().Be(JsonValueKind.Null);
        summaries[2].GetProperty("codes").EnumerateArray().Select(c => c.GetString()).Should().Contain("PE1001");
        summaries.Where((_, i) => i != 2).Select(s => s.GetProperty("indicatorSet").GetString()).Should().Equal("programme-0", "programme-1", "programme-3", "programme-4");
        error.Should().Contain("big.jsonl:3").And.Contain("PE1001");
    }

    [Fact]
    public void Full_detail_is_the_default()
    {
        var file = JsonLines(3);

        var (_, byDefault, _) = Run("evaluate", file, "--format", "jsonl");
        var (_, full, _) = Run("evaluate", file, "--format", "jsonl", "--detail", "full");

        byDefault.Should().Be(full);
        Lines(full).Should().HaveCount(3).And.OnlyContain(r => r.GetProperty("indicators").GetArrayLength() == 47);
    }

    [Fact]
    public void Json_with_summary_detail_is_an_array_of_summaries_for_several_programmes()
    {
        foreach (var name in new[] { "a", "b" })
        {
            var dir = Directory.CreateDirectory(Path.Combine(Temp, "folders", name)).FullName;
            File.Copy(Path.Combine(Example, "indicators.json"), Path.Combine(dir, "indicators.json"));
            File.Copy(Path.Combine(Example, "actuals.json"), Path.Combine(dir, "actuals.json"));
        }

        var (exit, output, _) = Run("evaluate", Path.Combine(Temp, "folders"), "--format", "json", "--detail", "summary");

        exit.Should().Be(0);
        var array = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        array.Select(s => s.GetProperty("totalScore").GetDecimal()).Should().Equal(95.23m, 95.23m);
        array.Select(s => Path.GetFileName(s.GetProperty("source").GetString())).Should().Equal("a", "b");
    }

    [Fact]
    public void Summary_detail_with_the_text_table_is_a_usage_error()
    {
        var (exit, output, error) = Run("evaluate", Example, "--detail", "summary");

        exit.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().Contain("--detail summary");
    }

    [Fact]
    public void An_unknown_detail_is_a_usage_error()
    {
        var (exit, _, error) = Run("evaluate", Example, "--format", "jsonl", "--detail", "some");

        exit.Should().Be(2);
        error.Should().Contain("some");
    }
}

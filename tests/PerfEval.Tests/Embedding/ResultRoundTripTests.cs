using System.Text;
using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Embedding;

/// <summary>A stored result is read back and rendered again without evaluating again.</summary>
public sealed class ResultRoundTripTests(SeedExample seed) : IClassFixture<SeedExample>
{
    /// <summary>The seed, and a programme with findings, a qualitative grade, rules' reasons and budget lines.</summary>
    public static TheoryData<string> Programmes => new() { "seed", "overspent" };

    private EvaluationResult Result(string name) => name == "seed"
        ? seed.Result
        : new Evaluator().Evaluate(
            PerfEvalJson.ReadIndicatorSet("""{ "id": "o", "name": "超支", "year": 2025, "goals": ["目标一"], "indicators": [ { "id": "n", "name": "人数", "level2": "quantity", "target": "≥10", "unit": "人", "weight": 90 } ] }""").GetValueOrThrow(),
            PerfEvalJson.ReadActuals("""{ "indicatorSet": "o", "budget": { "available": 100, "spent": 150 }, "indicators": { "n": 7 } }""").GetValueOrThrow());

    [Theory]
    [MemberData(nameof(Programmes))]
    public void Reading_a_written_result_gives_a_result_that_writes_the_same_json(string programme)
    {
        var original = Result(programme);
        var json = ResultJson.ToJson(original);

        var read = ResultJson.Read(json);

        read.Diagnostics.Should().BeEmpty();
        read.Succeeded.Should().BeTrue();
        var value = read.GetValueOrThrow();
        ResultJson.ToJson(value).Should().Be(json);
        value.Findings.Select(f => f.ToString()).Should().Equal(original.Findings.Select(f => f.ToString()));
        value.Grade.Should().Be(original.Grade);
        value.Goals.Should().Equal(original.Goals);
    }

    [Fact]
    public void A_result_saved_with_a_byte_order_mark_is_read_as_the_other_documents_are()
    {
        var json = ResultJson.ToJson(seed.Result);
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);

        var read = ResultJson.Read(stream);

        read.Diagnostics.Should().BeEmpty();
        ResultJson.ToJson(read.GetValueOrThrow()).Should().Be(json);
    }

    [Theory]
    [MemberData(nameof(Programmes))]
    public void A_stored_result_renders_every_table_format_as_the_original_does(string programme)
    {
        var original = Result(programme);
        var stored = ResultJson.Read(ResultJson.ToJson(original, indented: false)).GetValueOrThrow();

        foreach (var chinese in new[] { true, false })
        {
            var options = new TableOptions { Chinese = chinese, ComparisonColumn = true, UnitColumn = true };
            var a = SelfEvaluationTable.From(original, options);
            var b = SelfEvaluationTable.From(stored, options);
            TableWriters.ToMarkdown(b).Should().Be(TableWriters.ToMarkdown(a));
            TableWriters.ToCsv(b).Should().Be(TableWriters.ToCsv(a));
            TableWriters.ToHtml(b).Should().Be(TableWriters.ToHtml(a));
        }

        ReportDraft.ToChinese(stored).Should().Be(ReportDraft.ToChinese(original));
    }

    [Fact]
    public async Task Reading_asynchronously_and_from_a_stream_gives_the_same_result()
    {
        var json = ResultJson.ToJson(seed.Result);
        await using var asyncStream = new AsyncIoTests.AsyncOnlyStream(Encoding.UTF8.GetBytes(json));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var fromAsync = await ResultJson.ReadAsync(asyncStream);
        var fromStream = ResultJson.Read(stream);

        ResultJson.ToJson(fromAsync.GetValueOrThrow()).Should().Be(json);
        ResultJson.ToJson(fromStream.GetValueOrThrow()).Should().Be(json);
    }

    [Theory]
    [InlineData("{ not json", "PE1001", "$")]
    [InlineData("[]", "PE1003", "$")]
    [InlineData("{}", "PE1004", "$")]
    [InlineData("""{"indicatorSet": 5}""", "PE1003", "$.indicatorSet")]
    public void A_document_that_is_not_a_result_gives_diagnostics_with_code_and_path_not_an_exception(string json, string code, string path)
    {
        var read = ResultJson.Read(json);

        read.Succeeded.Should().BeFalse();
        read.Value.Should().BeNull();
        read.Diagnostics.Should().Contain(d => d.Code == code && d.Path == path);
    }

    [Fact]
    public void An_unknown_status_code_is_reported_at_its_path()
    {
        var json = ResultJson.ToJson(seed.Result).Replace("\"status\": \"met\"", "\"status\": \"fine\"", StringComparison.Ordinal);

        var read = ResultJson.Read(json);

        read.Succeeded.Should().BeFalse();
        read.Diagnostics.Should().Contain(d => d.Code == "PE1005" && d.Path.EndsWith(".status", StringComparison.Ordinal) && d.Path.StartsWith("$.indicators[", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_truncation_of_a_result_is_read_without_an_exception()
    {
        var json = ResultJson.ToJson(seed.Result, indented: false);
        for (var length = 0; length < json.Length; length += 97)
        {
            var read = ResultJson.Read(json[..length]);
            read.Succeeded.Should().BeFalse();
            read.Diagnostics.Should().NotBeEmpty();
        }
    }
}

using System.Globalization;
using System.Text;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Loading;

/// <summary>The reader reuses its tree storage from parse to parse: what one document reads must not depend on the documents read before it.</summary>
public sealed class TreeReuseTests : IClassFixture<SeedExample>
{
    private readonly SeedExample _seed;

    public TreeReuseTests(SeedExample seed) => _seed = seed;

    private static string SeedResult(string setJson, string actualsJson) =>
        ResultJson.ToJson(new Evaluator().Evaluate(PerfEvalJson.ReadIndicatorSet(setJson).GetValueOrThrow(), PerfEvalJson.ReadActuals(actualsJson).GetValueOrThrow()));

    [Fact]
    public void A_document_reads_the_same_after_larger_smaller_and_broken_ones()
    {
        var (setJson, actualsJson) = (File.ReadAllText(Path.Combine(_seed.Folder, PerfEvalJson.IndicatorSetFileName)), File.ReadAllText(Path.Combine(_seed.Folder, PerfEvalJson.ActualsFileName)));
        var first = SeedResult(setJson, actualsJson);

        PerfEvalJson.ReadIndicatorSet("""{ "id": "s", "name": "n", "year": 2025, "indicators": [] }""").Succeeded.Should().BeTrue();
        PerfEvalJson.ReadIndicatorSet("""{ "id": "s", "name": "n", "indicators": [ { "id": """).Diagnostics
            .Should().Contain(d => d.Code == DiagnosticCodes.MalformedJson);
        PerfEvalJson.ReadActuals(BigActuals(5000)).Succeeded.Should().BeTrue();

        SeedResult(setJson, actualsJson).Should().Be(first);
    }

    [Fact]
    public void Documents_read_on_several_threads_at_once_read_as_they_do_alone()
    {
        var (setJson, actualsJson) = (File.ReadAllText(Path.Combine(_seed.Folder, PerfEvalJson.IndicatorSetFileName)), File.ReadAllText(Path.Combine(_seed.Folder, PerfEvalJson.ActualsFileName)));
        var alone = SeedResult(setJson, actualsJson);

        var results = new string[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            // Every other reading also reads a small document in between, so that the storage changes hands.
            if (i % 2 == 0)
            {
                PerfEvalJson.ReadActuals(BigActuals(40 + i)).Succeeded.Should().BeTrue();
            }

            results[i] = SeedResult(setJson, actualsJson);
        });

        results.Should().OnlyContain(r => r == alone);
    }

    [Fact]
    public void A_repeated_name_is_found_in_a_large_object_inside_another_large_object()
    {
        // Both maps have over 16 entries, so each is checked with a set of names; the inner map is read after the
        // outer map's set was made, and the outer map's repeated name comes after the inner map.
        var inner = new StringBuilder("{");
        for (var i = 0; i < 20; i++)
        {
            inner.Append(CultureInfo.InvariantCulture, $"\"in{i}\": {i}, ");
        }

        inner.Append("\"in7\": 2 }");
        var outer = new StringBuilder("{ \"indicatorSet\": \"s\", \"indicators\": {");
        for (var i = 0; i < 20; i++)
        {
            outer.Append(CultureInfo.InvariantCulture, $"\"k{i}\": {(i == 17 ? "{ \"inputs\": " + inner + " }" : i.ToString(CultureInfo.InvariantCulture))}, ");
        }

        outer.Append("\"k3\": 1 } }");

        var read = PerfEvalJson.ReadActuals(outer.ToString());

        read.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateProperty).Select(d => d.Path)
            .Should().BeEquivalentTo(["$.indicators.k3", "$.indicators.k17.inputs.in7"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    public void Positions_asked_for_later_point_into_a_string_read_before_others(string bom)
    {
        // The string is encoded into a borrowed buffer that the next reading reuses: the set keeps the string.
        var set = PerfEvalJson.ReadIndicatorSet(bom + """
            {
              "id": "s", "name": "测试", "year": 2025,
              "indicators": [
                { "id": "a", "name": "人数", "level2": "quantity", "target": "≥100", "weight": 90 }
              ]
            }
            """, "set.json").GetValueOrThrow();
        PerfEvalJson.ReadActuals(BigActuals(300)).Succeeded.Should().BeTrue();

        var at = set.Locations["$.indicators[0].target"];

        at.Should().NotBeNull();
        (at!.Source, at.Line, at.Column).Should().Be(("set.json", 4, 64), "the value's line, and its column in characters");
    }

    [Fact]
    public void A_text_a_document_repeats_is_one_string_and_does_not_outlive_its_document()
    {
        static string Set(string program) => $$"""
            { "id": "s", "name": "测试", "year": 2025,
              "indicators": [
                { "id": "a", "name": "人数", "program": "{{program}}", "level2": "quantity", "target": "≥100", "weight": 45 },
                { "id": "b", "name": "户数", "program": "{{program}}", "level2": "quantity", "target": "≥10", "weight": 45 }
              ] }
            """;

        var first = PerfEvalJson.ReadIndicatorSet(Set("农业生产发展资金")).GetValueOrThrow();
        var second = PerfEvalJson.ReadIndicatorSet(Set("农业生产发展资金")).GetValueOrThrow();
        var other = PerfEvalJson.ReadIndicatorSet(Set("林业生产发展资金")).GetValueOrThrow();

        first.Indicators[0].Program.Should().Be("农业生产发展资金");
        ReferenceEquals(first.Indicators[0].Program, first.Indicators[1].Program).Should().BeTrue("the document's second use of the text shares the first's string");
        ReferenceEquals(first.Indicators[0].Program, second.Indicators[0].Program).Should().BeFalse("a later document makes its own strings");
        other.Indicators.Select(i => i.Program).Should().Equal("林业生产发展资金", "林业生产发展资金");
    }

    [Fact]
    public void Hundreds_of_distinct_texts_in_one_document_each_keep_their_own_value()
    {
        var read = PerfEvalJson.ReadActuals(BigActuals(700)).GetValueOrThrow();

        read.Indicators.Should().HaveCount(700);
        read.Indicators.Select(i => (i.Id, i.Actual!.Text)).Should().Equal(Enumerable.Range(0, 700).Select(n => ($"i{n}", $"{n}人")));
    }

    [Fact]
    public void A_text_repeated_after_hundreds_of_others_is_still_shared_once_the_table_has_grown()
    {
        var goals = Enumerable.Range(0, 300).Select(i => $"目标{i}：按年度实施方案完成").Append("目标5：按年度实施方案完成");
        var json = $$"""{ "id": "s", "name": "n", "year": 2025, "indicators": [], "goals": [{{string.Join(", ", goals.Select(g => $"\"{g}\""))}}] }""";

        var set = PerfEvalJson.ReadIndicatorSet(json).GetValueOrThrow();

        set.Goals.Should().HaveCount(301);
        set.Goals[300].Should().Be("目标5：按年度实施方案完成");
        ReferenceEquals(set.Goals[5], set.Goals[300]).Should().BeTrue("the 301st text is the 6th again, found after the table grew");
    }

    private static string BigActuals(int n)
    {
        var sb = new StringBuilder("{ \"indicatorSet\": \"s\", \"indicators\": {");
        for (var i = 0; i < n; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"\"i{i}\": {{ \"actual\": \"{i}人\" }}");
        }

        return sb.Append("} }").ToString();
    }
}

using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Tests.Schema;

namespace PerfEval.Tests.Loading;

/// <summary>Older, regional and traditional-character level labels, read through the one table rules/labels/label-aliases.json.</summary>
public sealed class LabelAliasTests
{
    private static LoadResult<IndicatorSet> Read(string level1, string level2)
    {
        var l1 = level1.Length == 0 ? string.Empty : $$""" "level1": "{{level1}}", """;
        return PerfEvalJson.ReadIndicatorSet(
            $$"""{ "id": "s", "name": "项目", "year": 2025, "indicators": [ { "id": "a", "name": "指标", {{l1}} "level2": "{{level2}}", "target": "≥90%" } ] }""",
            "indicators.json");
    }

    [Theory]
    [InlineData("", "进度指标", Level1.Output, Level2.Timeliness, "时效指标")]
    [InlineData("", "进度", Level1.Output, Level2.Timeliness, "时效指标")]
    [InlineData("", "數量指標", Level1.Output, Level2.Quantity, "数量指标")]
    [InlineData("", "質量", Level1.Output, Level2.Quality, "质量指标")]
    [InlineData("", "經濟效益指標", Level1.Benefit, Level2.Economic, "经济效益指标")]
    [InlineData("", "可持續影響指標", Level1.Benefit, Level2.Sustainability, "可持续影响指标")]
    [InlineData("", "服務對象滿意度指標", Level1.Satisfaction, Level2.Satisfaction, "服务对象满意度指标")]
    [InlineData("產出指標", "時效指標", Level1.Output, Level2.Timeliness, "时效指标")]
    [InlineData("产出指标", "经济成本指标", Level1.Output, Level2.Cost, "产出指标 / 成本指标")]
    [InlineData("效益指标", "服务对象满意度指标", Level1.Satisfaction, Level2.Satisfaction, "满意度指标 / 服务对象满意度指标")]
    [InlineData("效益指標", "滿意度指標", Level1.Satisfaction, Level2.Satisfaction, "满意度指标 / 服务对象满意度指标")]
    public void An_older_regional_or_traditional_label_is_read_as_the_current_one_with_an_info_naming_it(string level1, string level2, Level1 expected1, Level2 expected2, string current)
    {
        var load = Read(level1, level2);

        load.Succeeded.Should().BeTrue();
        var indicator = load.Value!.Indicators.Single();
        (indicator.Level1, indicator.Level2).Should().Be((expected1, expected2));
        var info = load.Diagnostics.Where(d => d.Code == DiagnosticCodes.LabelAlias).ToList();
        info.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Info && d.Location!.Line > 0);
        info.Last().Path.Should().Be("$.indicators[0].level2");
        info.Last().Arguments["current"].Should().Be(current);
    }

    [Fact]
    public void A_traditional_level1_label_gets_its_own_info_at_its_path()
    {
        var load = Read("產出指標", "数量指标");

        load.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.LabelAlias && d.Path == "$.indicators[0].level1" && d.Message.Contains("产出指标", StringComparison.Ordinal));
    }

    [Fact]
    public void The_current_labels_raise_no_alias_info()
    {
        Read("产出指标", "时效指标").Diagnostics.Should().BeEmpty();
        Read("成本指标", "经济成本指标").Diagnostics.Should().BeEmpty("经济成本指标 under a level-1 成本指标 is the 2021 guidance's own group");
        Read("", "经济成本指标").Value!.Indicators.Single().Level1.Should().Be(Level1.Cost);
    }

    [Fact]
    public void A_satisfaction_indicator_moved_from_benefit_is_scored_with_the_satisfaction_points()
    {
        var set = PerfEvalJson.ReadIndicatorSet("""
            { "id": "s", "name": "项目", "year": 2025, "indicators": [
              { "id": "n", "name": "人数", "level1": "产出指标", "level2": "數量指標", "target": "≥10" },
              { "id": "e", "name": "效益", "level1": "效益指标", "level2": "社会效益指标", "target": "≥10" },
              { "id": "s", "name": "满意度", "level1": "效益指标", "level2": "服务对象满意度", "target": "≥90%" } ] }
            """, "indicators.json").GetValueOrThrow();
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "s", "budget": { "available": 1, "spent": 1 }, "indicators": { "n": 10, "e": 10, "s": "95%" } }""", "actuals.json").GetValueOrThrow();

        var result = new Evaluator().Evaluate(set, actuals);

        result.Indicators.Select(i => (i.Id, i.Level1, i.Weight)).Should().Equal(("n", Level1.Output, 50m), ("e", Level1.Benefit, 30m), ("s", Level1.Satisfaction, 10m));
        result.TotalScore.Should().Be(100m);
    }

    [Fact]
    public void The_message_for_an_unknown_level_lists_every_accepted_label()
    {
        // The schema's own check gives the message: every name of its enum, aliases included.
        var finding = PerfEvalJson.ReadIndicatorSet("""{ "id": "s", "name": "项目", "year": 2025, "indicators": [ { "id": "a", "name": "指标", "level2": "速度指标", "target": "≥1" } ] }""", "indicators.json")
            .Diagnostics.Single(d => d.Code == DiagnosticCodes.InvalidValue);

        foreach (var label in IndicatorLevels.Level2Labels.Concat(LabelAliases.Accepted(LabelAliases.Level2)))
        {
            finding.Message.Should().Contain(label);
        }
    }

    [Fact]
    public void Every_label_of_the_alias_table_is_in_the_schema_and_every_name_of_the_schema_is_a_current_label_or_an_alias()
    {
        var schema1 = Enumerated("level1.output", "level1.benefit", "level1.satisfaction", "level1.cost");
        var schema2 = Enumerated("level2.output", "level2.benefit", "level2.satisfaction", "level2.cost");

        schema1.Should().BeEquivalentTo(IndicatorLevels.Level1Labels.Concat(LabelAliases.Accepted(LabelAliases.Level1)).Distinct());
        schema2.Should().BeEquivalentTo(IndicatorLevels.Level2Labels.Concat(LabelAliases.Accepted(LabelAliases.Level2)).Distinct());
    }

    [Fact]
    public void A_label_read_by_its_place_is_listed_in_the_schema_group_of_that_place()
    {
        foreach (var alias in LabelAliases.Level2.Where(a => a.Under is not null))
        {
            Enumerated("level2." + IndicatorLevels.Code(alias.Under!.Value)).Should().Contain(alias.Label);
        }
    }

    [Fact]
    public void Every_current_label_of_the_alias_table_is_a_label_the_library_reads()
    {
        foreach (var alias in LabelAliases.Level1)
        {
            IndicatorLevels.TryParseLevel1(alias.Current, out _).Should().BeTrue(alias.Current);
        }

        foreach (var alias in LabelAliases.Level2)
        {
            IndicatorLevels.TryParseLevel2(alias.Current, out var level).Should().BeTrue(alias.Current);
            if (alias.Under is { } under)
            {
                IndicatorLevels.Belongs(alias.MovesTo ?? under, level).Should().BeTrue($"{alias.Label} under {under} is read as {alias.Current}");
            }
        }
    }

    private static List<string> Enumerated(params string[] definitions) =>
        [.. definitions.SelectMany(d => SchemaFiles.Element(SchemaFiles.Text(SchemaFiles.IndicatorSetFile)).GetProperty("$defs").GetProperty(d).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)).Distinct()];
}

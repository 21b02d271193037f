using System.Text.Json;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Schema;

/// <summary>The indicator-set schema accepts and rejects the same documents as <see cref="PerfEvalJson.ReadIndicatorSet(string, string?)"/>.</summary>
public sealed class IndicatorSetSchemaTests
{
    private const string Indicator = """{ "id": "trainees", "name": "培训人数", "level2": "数量指标", "target": "≥100", "unit": "人" }""";

    /// <summary>Documents the reader rejects; each must fail the schema as well.</summary>
    public static TheoryData<string> RejectedDocuments => Names(Rejected);

    /// <summary>Documents the reader accepts; each must pass the schema as well.</summary>
    public static TheoryData<string> AcceptedDocuments => Names(Accepted);

    private static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["an unknown top-level property"] = Set(Indicator, extra: """, "yaer": 2025"""),
        ["a missing id"] = """{ "name": "培训项目", "year": 2025, "indicators": [] }""",
        ["a blank name"] = """{ "id": "x", "name": "  ", "year": 2025, "indicators": [] }""",
        ["missing indicators"] = """{ "id": "x", "name": "培训项目", "year": 2025 }""",
        ["indicators that are not an array"] = """{ "id": "x", "name": "培训项目", "year": 2025, "indicators": {} }""",
        ["a year with a fraction"] = Set(Indicator, year: "2025.5"),
        ["a year before 1900"] = Set(Indicator, year: "1899"),
        ["a year after 2999"] = Set(Indicator, year: "3000"),
        ["goals that are not strings"] = Set(Indicator, extra: """, "goals": [1]"""),
        ["a misspelt budget property"] = Set(Indicator, extra: """, "budget": { "source": [] }"""),
        ["a source without a name"] = Set(Indicator, extra: """, "budget": { "sources": [ { "id": "central" } ] }"""),
        ["an unknown source category"] = Set(Indicator, extra: """, "budget": { "sources": [ { "id": "c", "name": "中央财政资金", "category": "central" } ] }"""),
        ["an expenditure line with a category"] = Set(Indicator, extra: """, "budget": { "expenditures": [ { "id": "e", "name": "社会保险补贴", "category": "other" } ] }"""),
        ["an indicator without a name"] = Set("""{ "id": "a", "level2": "数量指标", "target": "≥1" }"""),
        ["an indicator without level2"] = Set("""{ "id": "a", "name": "人数", "target": "≥1" }"""),
        ["a level-1 name given as level2"] = Set("""{ "id": "a", "name": "人数", "level2": "产出指标", "target": "≥1" }"""),
        ["an unknown level1"] = Set("""{ "id": "a", "name": "人数", "level1": "产量指标", "level2": "数量指标", "target": "≥1" }"""),
        ["a level2 under another level1"] = Set("""{ "id": "a", "name": "人数", "level1": "效益指标", "level2": "数量指标", "target": "≥1" }"""),
        ["a cost level2 of the 2021 guidance under output"] = Set("""{ "id": "a", "name": "成本", "level1": "output", "level2": "economicCost", "target": "≤1" }"""),
        ["an unknown comparison"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": 1, "comparison": "about" }"""),
        ["an empty target"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": " " }"""),
        ["a boolean target"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": true }"""),
        ["an array target"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": [1] }"""),
        ["a null target"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": null }"""),
        ["a target object with an unknown property"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": { "value": 1, "lower": 0 } }"""),
        ["an empty target object"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": {} }"""),
        ["a target object with only an upper bound"] = Set("""{ "id": "a", "name": "年龄", "level2": "质量指标", "target": { "upper": 54 } }"""),
        ["a range without an upper bound"] = Set("""{ "id": "a", "name": "年龄", "level2": "质量指标", "target": { "comparison": "range", "value": 18 } }"""),
        ["a deadline comparison without a deadline"] = Set("""{ "id": "a", "name": "完成时间", "level2": "时效指标", "target": { "comparison": "deadline", "description": "年底" } }"""),
        ["a qualitative comparison without a description"] = Set("""{ "id": "a", "name": "效果", "level2": "社会效益指标", "target": { "comparison": "qualitative", "value": 1 } }"""),
        ["a numeric comparison without a value"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": { "comparison": "≥", "description": "多" } }"""),
        ["a percent flag that is not a boolean"] = Set("""{ "id": "a", "name": "比率", "level2": "质量指标", "target": { "value": 95, "percent": "yes" } }"""),
        ["a weight above 100"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": "≥1", "weight": 120 }"""),
        ["a negative weight"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": "≥1", "weight": -1 }"""),
        ["a weight written as a string"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": "≥1", "weight": "10" }"""),
        ["a unit that is not a string"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": "≥1", "unit": 1 }"""),
        ["an indicator that is not an object"] = Set("\"trainees\""),
        ["a policy given as a number"] = Set(Indicator, extra: """, "policy": 2020"""),
        ["a policy given as an array"] = Set(Indicator, extra: """, "policy": ["mof-2020"]"""),
        ["an inline policy with a misspelt budgetWeight"] = Set(Indicator, extra: """, "policy": { "budgetWieght": 20 }"""),
        ["an inline policy with lessIsBetter linear"] = Set(Indicator, extra: """, "policy": { "lessIsBetter": "linear" }"""),
        ["an inline policy with a grade without label"] = Set(Indicator, extra: """, "policy": { "grades": [ { "code": "all" } ] }"""),
        ["an inline policy with a share above 1"] = Set(Indicator, extra: """, "policy": { "qualitativeBands": { "achieved": 80 } }"""),
        ["reason categories as an object"] = Set(Indicator, extra: """, "reasonCategories": { "heating": "供暖" }"""),
        ["a reason category without zh"] = Set(Indicator, extra: """, "reasonCategories": [ { "id": "heating", "en": "Heating" } ]"""),
        ["a reason rule without when"] = Set(Indicator, extra: """, "reasonRules": [ { "id": "r", "category": "other", "text": "原因" } ]"""),
        ["a reason rule with a misspelt property"] = Set(Indicator, extra: """, "reasonRules": [ { "id": "r", "when": "pointsLost", "category": "other", "txet": "原因" } ]"""),
        ["a reason rule with an unknown scope"] = Set(Indicator, extra: """, "reasonRules": [ { "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "scope": "set" } ]"""),
        ["a consistency code zl-1"] = Set(Indicator, extra: """, "consistencyRules": [ { "id": "c", "expression": "actual >= 0", "code": "zl-1" } ]"""),
        ["a consistency rule with an unknown severity"] = Set(Indicator, extra: """, "consistencyRules": [ { "id": "c", "expression": "actual >= 0", "severity": "fatal" } ]"""),
        ["consistency rules as a string"] = Set(Indicator, extra: """, "consistencyRules": "actual >= 0" """),
        ["a document that is not an object"] = "[]",
    };

    private static readonly Dictionary<string, string> Accepted = new(StringComparer.Ordinal)
    {
        ["the smallest set"] = Set(Indicator),
        ["a set with no indicators"] = """{ "id": "x", "name": "培训项目", "year": 2025, "indicators": [] }""",
        ["comments, a $schema reference and trailing commas"] = """
            {
              // a line comment
              "$schema": "../../schema/indicator-set.schema.json",
              "// note": "ignored",
              "id": "x", "name": "培训项目", "year": 2025,
              "budget": { "// note": 1, "unit": "元", "sources": [ { "// note": true, "id": "c", "name": "中央财政资金" }, ], },
              "indicators": [ { "// note": [], "id": "a", "name": "人数", "level2": "数量指标", "target": { "// note": null, "value": 1 } }, ],
            }
            """,
        ["every optional property"] = """
            {
              "id": "x", "name": "培训项目", "year": 2025, "department": "人社局", "implementingUnit": "就业服务中心",
              "goals": ["完成培训"], "description": "说明",
              "budget": {
                "unit": "万元",
                "sources": [ { "id": "c", "name": "当年拨款", "category": "当年财政拨款" }, { "id": "r", "name": "结余", "category": "上年结余" }, { "id": "o", "name": "自筹", "category": "other" } ],
                "expenditures": [ { "id": "e", "name": "培训补贴" } ]
              },
              "indicators": [
                { "id": "a", "name": "人数", "program": "子项目", "level1": "产出指标", "level2": "数量指标", "target": 100, "comparison": "≥",
                  "unit": "人", "weight": 10, "compute": "x + y", "description": "说明" }
              ]
            }
            """,
        ["a year written as 2025.0"] = Set(Indicator, year: "2025.0"),
        ["level names without 指标"] = Set("""{ "id": "a", "name": "人数", "level1": "产出", "level2": "数量", "target": "≥1" }"""),
        ["level codes"] = Set("""{ "id": "a", "name": "满意度", "level1": "satisfaction", "level2": "satisfaction", "target": "≥95%" }"""),
        ["满意度 as level2"] = Set("""{ "id": "a", "name": "满意度", "level2": "满意度", "target": "≥95%" }"""),
        ["满意度指标 as level2"] = Set("""{ "id": "a", "name": "满意度", "level2": "满意度指标", "target": "≥95%" }"""),
        ["成本指标 under a level-1 成本指标"] = Set("""{ "id": "a", "name": "标准", "level1": "成本指标", "level2": "成本指标", "target": 700 }"""),
        ["a social cost of the 2021 guidance"] = Set("""{ "id": "a", "name": "影响", "level1": "cost", "level2": "社会成本", "target": "无" }"""),
        ["a bare number target"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": 60 }"""),
        ["a qualitative target string"] = Set("""{ "id": "a", "name": "效果", "level2": "社会效益指标", "target": "有效提升创业能力" }"""),
        ["a range target string"] = Set("""{ "id": "a", "name": "年龄", "level2": "质量指标", "target": "18—54周岁" }"""),
        ["a deadline target string"] = Set("""{ "id": "a", "name": "完成时间", "level2": "时效指标", "target": "12月底前" }"""),
        ["a range target object"] = Set("""{ "id": "a", "name": "比率", "level2": "质量指标", "target": { "comparison": "range", "value": 90, "upper": 95, "percent": true } }"""),
        ["a range target object without comparison"] = Set("""{ "id": "a", "name": "年龄", "level2": "质量指标", "target": { "value": 18, "upper": 54, "unit": "周岁" } }"""),
        ["a deadline target object"] = Set("""{ "id": "a", "name": "完成时间", "level2": "时效指标", "target": { "deadline": "2025-12-31" } }"""),
        ["a qualitative target object"] = Set("""{ "id": "a", "name": "效果", "level2": "社会效益指标", "target": { "description": "有效提升" } }"""),
        ["a target object with a symbol"] = Set("""{ "id": "a", "name": "事件", "level2": "社会效益指标", "target": { "comparison": "≤", "value": 0 }, "unit": "起" }"""),
        ["a weight of 0"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": "≥1", "weight": 0 }"""),
        ["a weight of 100"] = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "target": "≥1", "weight": 100 }"""),
        ["a policy by name"] = Set(Indicator, extra: """, "policy": "regional-budget20" """),
        ["the name of a policy the host may add"] = Set(Indicator, extra: """, "policy": "provincial-2024" """),
        ["an inline policy without a name"] = Set(Indicator, extra: """, "policy": { "lessIsBetter": "inverseRatio" }"""),
        ["an empty inline policy"] = Set(Indicator, extra: """, "policy": {}"""),
        ["an inline policy with a name, a base and comments"] = Set(Indicator, extra: """
            , "policy": { "$schema": "../../schema/policy.schema.json", "// note": "x", "name": "local", "extends": "regional-inverse-ratio",
                          "satisfaction": { "// note": 1, "scoring": "weightTimesRate" } }
            """),
        ["empty rule lists"] = Set(Indicator, extra: """, "reasonCategories": [], "reasonRules": [], "consistencyRules": []"""),
    };

    [Fact]
    public void A_misspelt_property_such_as_traget_fails_the_schema_and_the_reader()
    {
        var json = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "traget": "≥1" }""");

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().Contain(e => e.Contains("traget", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_target_fails_the_schema_and_the_reader()
    {
        var json = Set("""{ "id": "a", "name": "人数", "level2": "数量指标", "unit": "人" }""");

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().Contain(e => e.Contains("target", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_level2_fails_the_schema_and_the_reader()
    {
        ShouldBeRejectedByBoth(Set("""{ "id": "a", "name": "人数", "level2": "数目指标", "target": "≥1" }"""));
    }

    [Fact]
    public void A_year_written_as_a_string_fails_the_schema_and_the_reader()
    {
        ShouldBeRejectedByBoth(Set(Indicator, year: "\"2025\""));
    }

    [Fact]
    public void A_set_with_an_inline_policy_and_its_own_rules_validates_and_is_read()
    {
        var json = Set(Indicator, extra: """
            ,
            "description": "说明",
            "policy": {
              "name": "training-2025-policy", "extends": "mof-2020", "description": "本项目评分规则",
              "budgetWeight": 20, "levelPoints": { "output": 40, "benefit": 30, "satisfaction": 10 },
              "lessIsBetter": "inverseRatio",
              "qualitativeBands": { "achieved": 0.8, "partial": 0.5 }, "qualitativeDefaults": { "partial": 0.5 },
              "satisfaction": { "scoring": "stepped", "fullAt": 90, "step": 5, "stepShare": 0.1 },
              "grades": [ { "min": 90, "code": "excellent", "label": "优秀", "labelEn": "Excellent" }, { "code": "other", "label": "其他" } ],
              "overAchievement": { "reviewAt": 130, "reduceAt": 150, "reduceShare": 0.1 },
              "budgetExplanationBelow": 85, "deductions": false, "rescaleNotApplicable": true
            },
            "reasonCategories": [ { "id": "enrolment", "zh": "报名人数不足", "en": "Low enrolment" } ],
            "reasonRules": [
              { "id": "few-trainees", "when": "pointsLost && completionRate < 100", "category": "enrolment", "text": "{name}完成{actual}{unit}，完成率{completionRate}%。",
                "measures": "加强宣传。", "indicators": ["trainees"], "description": "说明" },
              { "id": "slow-spending", "scope": "budget", "when": "executionRate < 85", "category": "funds", "text": "执行率{executionRate}%。" }
            ],
            "consistencyRules": [
              { "id": "not-negative", "expression": "actual >= 0", "code": "TR001", "severity": "warning", "message": "{name}为负数。", "indicators": ["trainees"] },
              { "id": "within-budget", "scope": "budget", "expression": "spent <= available", "severity": "info" }
            ]
            """);

        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().BeEmpty();
        var read = PerfEvalJson.ReadIndicatorSet(json);
        read.Diagnostics.Should().BeEmpty();
        read.Value!.PolicyName.Should().Be("mof-2020", "an inline policy is resolved against its base when the set is evaluated");
        read.Value.ReasonCategories.Should().ContainSingle(c => c.Id == "enrolment");
        read.Value.ReasonRules.Select(r => r.Id).Should().Equal("few-trainees", "slow-spending");
        read.Value.ConsistencyRules.Select(r => r.Code).Should().Equal("TR001", DiagnosticCodes.ConsistencyRuleFailed);
    }

    [Fact]
    public void A_misspelt_property_of_an_inline_policy_fails_the_schema_and_the_reader()
    {
        var json = Set(Indicator, extra: """, "policy": { "budgetWieght": 20 }""");

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().Contain(e => e.Contains("budgetWieght", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("""{ "extends": "" }""")]
    public void An_empty_policy_name_fails_the_schema_and_is_left_to_the_evaluator_by_the_reader(string policy)
    {
        var json = Set(Indicator, extra: $$""", "policy": {{policy}}""");

        SchemaFiles.IsValid(SchemaFiles.IndicatorSet, json).Should().BeFalse();
        var read = PerfEvalJson.ReadIndicatorSet(json);
        read.Succeeded.Should().BeTrue("the reader looks policy names up when the set is evaluated");
        var actuals = PerfEvalJson.ReadActuals("""{ "indicatorSet": "training-2025", "indicators": { "trainees": 120 } }""").GetValueOrThrow();
        new PerfEval.Evaluation.Evaluator().Evaluate(read.Value!, actuals).Findings.Should().Contain(f => f.Code == DiagnosticCodes.UnknownPolicy);
    }

    [Fact]
    public void The_set_schema_takes_its_policy_and_rules_from_the_policy_and_template_schemas()
    {
        var properties = SchemaFiles.Element(SchemaFiles.Text(SchemaFiles.IndicatorSetFile)).GetProperty("properties");

        properties.GetProperty("policy").GetProperty("anyOf")[1].GetProperty("$ref").GetString().Should().Be("policy.schema.json#/$defs/policy");
        foreach (var list in new[] { "reasonCategories", "reasonRules", "consistencyRules" })
        {
            properties.GetProperty(list).GetProperty("$ref").GetString().Should().Be($"rule-template.schema.json#/$defs/{list}");
        }
    }

    [Theory]
    [MemberData(nameof(RejectedDocuments))]
    public void A_document_the_reader_rejects_fails_the_schema_too(string name)
    {
        ShouldBeRejectedByBoth(Rejected[name]);
    }

    [Theory]
    [MemberData(nameof(AcceptedDocuments))]
    public void A_document_the_reader_accepts_passes_the_schema_too(string name)
    {
        var json = Accepted[name];

        PerfEvalJson.ReadIndicatorSet(json).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        SchemaFiles.Errors(SchemaFiles.IndicatorSet, json).Should().BeEmpty();
    }

    [Fact]
    public void Every_pair_of_level1_and_level2_passes_the_schema_exactly_when_the_reader_accepts_it()
    {
        var disagreements = new List<string>();
        foreach (var level1 in Enum.GetValues<Level1>())
        {
            foreach (var level2 in Enum.GetValues<Level2>())
            {
                foreach (var (l1, l2) in new[]
                {
                    (IndicatorLevels.Code(level1), IndicatorLevels.Code(level2)),
                    (IndicatorLevels.Name(level1, chinese: true), IndicatorLevels.Name(level2, chinese: true)),
                })
                {
                    var json = Set($$"""{ "id": "a", "name": "指标", "level1": "{{l1}}", "level2": "{{l2}}", "target": "有效" }""");
                    var reader = PerfEvalJson.ReadIndicatorSet(json).Succeeded;
                    var schema = SchemaFiles.IsValid(SchemaFiles.IndicatorSet, json);
                    // A pair the alias table reads by its place (经济成本指标 under 产出指标) is accepted too, with PE1018.
                    var placed = LabelAliases.FindLevel2(l2, level1) is { Under: not null };
                    if (reader != schema || reader != (IndicatorLevels.Belongs(level1, level2) || placed))
                    {
                        disagreements.Add($"{l1} / {l2}: reader {reader}, schema {schema}");
                    }
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Every_level_code_and_Chinese_name_of_the_library_is_in_the_schema()
    {
        var level1 = Enumerated("level1.output", "level1.benefit", "level1.satisfaction", "level1.cost");
        var level2 = Enumerated("level2.output", "level2.benefit", "level2.satisfaction", "level2.cost");

        foreach (var level in Enum.GetValues<Level1>())
        {
            var chinese = IndicatorLevels.Name(level, chinese: true);
            level1.Should().Contain([IndicatorLevels.Code(level), chinese, chinese[..^2]]);
        }

        foreach (var level in Enum.GetValues<Level2>())
        {
            var chinese = IndicatorLevels.Name(level, chinese: true);
            level2.Should().Contain([IndicatorLevels.Code(level), chinese, chinese[..^2]]);
        }

        level2.Should().Contain(["满意度指标", "满意度"]);
    }

    [Fact]
    public void Every_level_name_in_the_schema_is_read_by_the_library_as_a_level_of_its_group()
    {
        foreach (var (group, parent) in new[] { ("output", Level1.Output), ("benefit", Level1.Benefit), ("satisfaction", Level1.Satisfaction), ("cost", Level1.Cost) })
        {
            foreach (var name in Enumerated($"level1.{group}"))
            {
                IndicatorLevels.TryParseLevel1(LabelAliases.FindLevel1(name)?.Current ?? name, out var level).Should().BeTrue(name);
                level.Should().Be(parent, name);
            }

            foreach (var name in Enumerated($"level2.{group}"))
            {
                // Older, regional and traditional labels through the alias table (PE1018), some of them by their place.
                var alias = LabelAliases.FindLevel2(name, parent);
                IndicatorLevels.TryParseLevel2(alias?.Current ?? name, out var level).Should().BeTrue(name);
                IndicatorLevels.Belongs(alias?.MovesTo ?? parent, level).Should().BeTrue($"{name} stands under {group}");
            }
        }
    }

    [Fact]
    public void Every_comparison_in_the_schema_is_read_by_the_library()
    {
        var comparisons = Enumerated("comparison");

        foreach (var text in comparisons)
        {
            Target.TryParseComparison(text, out _).Should().BeTrue(text);
        }

        foreach (var comparison in Enum.GetValues<Comparison>())
        {
            var name = comparison.ToString();
            comparisons.Should().Contain(char.ToLowerInvariant(name[0]) + name[1..]);
        }
    }

    [Fact]
    public void Every_source_category_in_the_schema_is_accepted_by_the_reader()
    {
        var properties = Definition("sourceLine").GetProperty("properties").GetProperty("category").GetProperty("enum");
        var categories = properties.EnumerateArray().Select(e => e.GetString()!).ToList();

        categories.Should().Contain(["appropriation", "carryOver", "other", "当年财政拨款", "上年结转资金", "其他资金"]);
        foreach (var category in categories)
        {
            var json = Set(Indicator, extra: $$""", "budget": { "sources": [ { "id": "s", "name": "资金", "category": "{{category}}" } ] }""");
            PerfEvalJson.ReadIndicatorSet(json).Succeeded.Should().BeTrue(category);
            SchemaFiles.IsValid(SchemaFiles.IndicatorSet, json).Should().BeTrue(category);
        }
    }

    private static void ShouldBeRejectedByBoth(string json)
    {
        SchemaFiles.IsValid(SchemaFiles.IndicatorSet, json).Should().BeFalse("the schema must reject it");
        PerfEvalJson.ReadIndicatorSet(json).Succeeded.Should().BeFalse("the reader must reject it");
    }

    private static string Set(string indicator, string year = "2025", string extra = "") =>
        $$"""{ "id": "training-2025", "name": "职业技能培训补贴", "year": {{year}}, "indicators": [ {{indicator}} ]{{extra}} }""";

    private static TheoryData<string> Names(Dictionary<string, string> documents)
    {
        var data = new TheoryData<string>();
        foreach (var name in documents.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static JsonElement Definition(string name) =>
        SchemaFiles.Element(SchemaFiles.Text(SchemaFiles.IndicatorSetFile)).GetProperty("$defs").GetProperty(name);

    private static List<string> Enumerated(params string[] definitions) =>
        definitions.SelectMany(d => Definition(d).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)).ToList();
}

using System.Text.Json;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Tests.Schema;

/// <summary>The policy schema accepts and rejects the same policy files as <see cref="PerfEvalJson.ReadScoringPolicy(string, string?, PolicyCatalog?)"/>.</summary>
public sealed class PolicySchemaTests
{
    /// <summary>Documents the reader rejects; each must fail the schema as well.</summary>
    public static TheoryData<string> RejectedDocuments => Names(Rejected);

    /// <summary>Documents the reader accepts; each must pass the schema as well.</summary>
    public static TheoryData<string> AcceptedDocuments => Names(Accepted);

    private static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["a missing name"] = """{ "extends": "mof-2020", "budgetWeight": 10 }""",
        ["a blank name"] = """{ "name": " " }""",
        ["a name that is not a string"] = """{ "name": 2020 }""",
        ["an empty extends"] = Policy(""" "extends": "" """),
        ["an extends that is not a string"] = Policy(""" "extends": 1 """),
        ["a description that is not a string"] = Policy(""" "description": ["说明"] """),
        ["a budget weight written as a string"] = Policy(""" "budgetWeight": "10" """),
        ["a negative budget weight"] = Policy(""" "budgetWeight": -10, "levelPoints": { "output": 70 } """),
        ["a budget weight above 1000"] = Policy(""" "budgetWeight": 1001, "totalPoints": 1091 """),
        ["a total above 1000"] = Policy(""" "totalPoints": 1000.5 """),
        ["level points as an array"] = Policy(""" "levelPoints": [50, 30, 10] """),
        ["an unknown level"] = Policy(""" "levelPoints": { "outputs": 50 } """),
        ["level points given by Chinese name"] = Policy(""" "levelPoints": { "产出指标": 50 } """),
        ["negative level points"] = Policy(""" "levelPoints": { "output": -50 } """),
        ["an unknown less-is-better convention"] = Policy(""" "lessIsBetter": "linear" """),
        ["a less-is-better convention in another case"] = Policy(""" "lessIsBetter": "InverseRatio" """),
        ["an unknown band"] = Policy(""" "qualitativeBands": { "notAchieved": 0 } """),
        ["a band above 1"] = Policy(""" "qualitativeBands": { "achieved": 80, "partial": 60 } """),
        ["an achieved band of 0"] = Policy(""" "qualitativeBands": { "achieved": 0 } """),
        ["a partial band of 0"] = Policy(""" "qualitativeBands": { "partial": 0 }, "qualitativeDefaults": { "partial": 0.1 } """),
        ["a partial band of 1"] = Policy(""" "qualitativeBands": { "achieved": 1, "partial": 1 } """),
        ["an achieved default of 0"] = Policy(""" "qualitativeDefaults": { "achieved": 0 } """),
        ["a partial default of 0"] = Policy(""" "qualitativeDefaults": { "partial": 0 } """),
        ["a partial default of 1"] = Policy(""" "qualitativeDefaults": { "partial": 1 } """),
        ["a not-achieved default of 1"] = Policy(""" "qualitativeDefaults": { "notAchieved": 1 } """),
        ["a negative not-achieved default"] = Policy(""" "qualitativeDefaults": { "notAchieved": -0.1 } """),
        ["an unknown default"] = Policy(""" "qualitativeDefaults": { "missing": 0 } """),
        ["an unknown satisfaction scoring"] = Policy(""" "satisfaction": { "scoring": "rate" } """),
        ["satisfaction given as a string"] = Policy(""" "satisfaction": "stepped" """),
        ["a satisfaction step of 0"] = Policy(""" "satisfaction": { "scoring": "stepped", "step": 0 } """),
        ["a satisfaction full-at rate above 1000"] = Policy(""" "satisfaction": { "fullAt": 1001 } """),
        ["a step share above 1"] = Policy(""" "satisfaction": { "stepShare": 10 } """),
        ["an unknown satisfaction property"] = Policy(""" "satisfaction": { "scoring": "stepped", "from": 90 } """),
        ["no grade bands"] = Policy(""" "grades": [] """),
        ["grades as an object"] = Policy(""" "grades": { "excellent": 90 } """),
        ["a grade without code"] = Policy(""" "grades": [ { "min": 60, "label": "合格" }, { "code": "poor", "label": "差" } ] """),
        ["a grade with a blank label"] = Policy(""" "grades": [ { "min": 60, "code": "pass", "label": "" }, { "code": "poor", "label": "差" } ] """),
        ["a grade with a min written as a string"] = Policy(""" "grades": [ { "min": "60", "code": "pass", "label": "合格" }, { "code": "poor", "label": "差" } ] """),
        ["a grade with an unknown property"] = Policy(""" "grades": [ { "min": 60, "code": "pass", "label": "合格", "labelZh": "合格" }, { "code": "poor", "label": "差" } ] """),
        ["a grade with an English label that is not a string"] = Policy(""" "grades": [ { "code": "all", "label": "全部", "labelEn": 1 } ] """),
        ["two grades without min"] = Policy(""" "grades": [ { "code": "pass", "label": "合格" }, { "code": "poor", "label": "差" } ] """),
        ["a grade that is not an object"] = Policy(""" "grades": [ "优" ] """),
        ["a negative review threshold"] = Policy(""" "overAchievement": { "reviewAt": -1 } """),
        ["a reduction share above 1"] = Policy(""" "overAchievement": { "reduceAt": 150, "reduceShare": 1.5 } """),
        ["an unknown over-achievement property"] = Policy(""" "overAchievement": { "reduceFrom": 150 } """),
        ["a budget explanation threshold above 1000"] = Policy(""" "budgetExplanationBelow": 1200 """),
        ["deductions written as a string"] = Policy(""" "deductions": "yes" """),
        ["rescaleNotApplicable written as a number"] = Policy(""" "rescaleNotApplicable": 1 """),
        ["a document that is not an object"] = "[]",
    };

    private static readonly Dictionary<string, string> Accepted = new(StringComparer.Ordinal)
    {
        ["the smallest policy"] = """{ "name": "p" }""",
        ["a policy extending a shipped variant"] = Policy(""" "extends": "regional-budget20", "description": "说明" """),
        ["every property"] = """
            {
              "name": "provincial-2024", "extends": "mof-2020", "description": "说明",
              "budgetWeight": 10, "levelPoints": { "output": 40, "benefit": 30, "satisfaction": 10, "cost": 10 }, "totalPoints": 100,
              "lessIsBetter": "inverseRatio",
              "qualitativeBands": { "achieved": 0.8, "partial": 0.5 },
              "qualitativeDefaults": { "achieved": 0.9, "partial": 0.7, "notAchieved": 0.2 },
              "satisfaction": { "scoring": "stepped", "fullAt": 95, "step": 2.5, "stepShare": 0.2 },
              "grades": [
                { "min": 85, "code": "excellent", "label": "优", "labelEn": "Excellent" },
                { "min": 60, "code": "pass", "label": "合格" },
                { "code": "fail", "label": "不合格", "labelEn": "Fail" }
              ],
              "overAchievement": { "reviewAt": 130, "reduceAt": 150, "reduceShare": 0.1 },
              "budgetExplanationBelow": 85, "deductions": false, "rescaleNotApplicable": false
            }
            """,
        ["comments, a $schema reference and trailing commas"] = """
            {
              // a line comment
              "$schema": "../schema/policy.schema.json",
              "// note": "ignored",
              "name": "p",
              "levelPoints": { "// note": 1, "output": 50, },
              "qualitativeBands": { "// note": true, "achieved": 0.8, },
              "qualitativeDefaults": { "// note": null, "partial": 0.6, },
              "satisfaction": { "// note": [], "scoring": "weightTimesRate", },
              "grades": [ { "// note": {}, "min": 60, "code": "pass", "label": "合格", }, { "code": "poor", "label": "差" }, ],
              "overAchievement": { "// note": "x", "reviewAt": 120, },
            }
            """,
        ["the widest bands"] = Policy(""" "qualitativeBands": { "achieved": 1, "partial": 0.01 }, "qualitativeDefaults": { "achieved": 1, "partial": 0.01, "notAchieved": 0 } """),
        ["the smallest and largest points"] = Policy(""" "budgetWeight": 1000, "levelPoints": { "output": 0, "benefit": 0, "satisfaction": 0, "cost": 0 }, "totalPoints": 1000 """),
        ["the smallest and largest percents and shares"] = Policy("""
            "budgetExplanationBelow": 0,
            "satisfaction": { "scoring": "stepped", "fullAt": 1000, "step": 1000, "stepShare": 0 },
            "overAchievement": { "reviewAt": 0, "reduceAt": 1000, "reduceShare": 1 }
            """),
        ["a single grade band without min"] = Policy(""" "grades": [ { "code": "all", "label": "全部" } ] """),
        ["grade bands that all have a min"] = Policy(""" "grades": [ { "min": 60, "code": "pass", "label": "合格" }, { "min": -1000, "code": "fail", "label": "不合格" } ] """),
        ["a grade band with a fractional min"] = Policy(""" "grades": [ { "min": 89.5, "code": "excellent", "label": "优" }, { "code": "other", "label": "其他" } ] """),
    };

    [Fact]
    public void A_misspelt_budgetWeight_fails_the_schema_and_the_reader()
    {
        var json = Policy(""" "budgetWieght": 20 """);

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.Policy, json).Should().Contain(e => e.Contains("budgetWieght", StringComparison.Ordinal));
        Read(json).Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownProperty && d.Message.Contains("budgetWeight", StringComparison.Ordinal), "the reader suggests the right name");
    }

    [Fact]
    public void A_less_is_better_convention_linear_fails_the_schema_and_the_reader()
    {
        var json = Policy(""" "lessIsBetter": "linear" """);

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.Policy, json).Should().Contain(e => e.StartsWith("/lessIsBetter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grade_without_label_fails_the_schema_and_the_reader()
    {
        var json = Policy(""" "grades": [ { "min": 60, "code": "pass" }, { "code": "poor", "label": "差" } ] """);

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.Policy, json).Should().Contain(e => e.StartsWith("/grades/0", StringComparison.Ordinal) && e.Contains("label", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RejectedDocuments))]
    public void A_policy_the_reader_rejects_fails_the_schema_too(string name)
    {
        ShouldBeRejectedByBoth(Rejected[name]);
    }

    [Theory]
    [MemberData(nameof(AcceptedDocuments))]
    public void A_policy_the_reader_accepts_passes_the_schema_too(string name)
    {
        var json = Accepted[name];

        Read(json).Diagnostics.Should().BeEmpty();
        SchemaFiles.Errors(SchemaFiles.Policy, json).Should().BeEmpty();
    }

    [Fact]
    public void Every_less_is_better_convention_and_satisfaction_method_in_the_schema_is_read_by_the_library()
    {
        var policy = Definition("policy").GetProperty("properties");
        var conventions = Enumerated(policy.GetProperty("lessIsBetter"));
        var methods = Enumerated(Definition("satisfaction").GetProperty("properties").GetProperty("scoring"));

        conventions.Should().HaveCount(Enum.GetValues<LessIsBetterConvention>().Length);
        methods.Should().HaveCount(Enum.GetValues<SatisfactionScoring>().Length);
        foreach (var (property, value) in conventions.Select(c => ("lessIsBetter", c)).Concat(methods.Select(m => ("satisfaction", m))))
        {
            var json = property == "lessIsBetter" ? Policy($$""" "lessIsBetter": "{{value}}" """) : Policy($$""" "satisfaction": { "scoring": "{{value}}" } """);
            Read(json).Succeeded.Should().BeTrue(value);
            SchemaFiles.IsValid(SchemaFiles.Policy, json).Should().BeTrue(value);
        }

        var read = conventions.Select(c => Read(Policy($$""" "lessIsBetter": "{{c}}" """)).Value!.LessIsBetter);
        read.Should().BeEquivalentTo(Enum.GetValues<LessIsBetterConvention>());
        var scorings = methods.Select(m => Read(Policy($$""" "satisfaction": { "scoring": "{{m}}" } """)).Value!.Satisfaction);
        scorings.Should().BeEquivalentTo(Enum.GetValues<SatisfactionScoring>());
    }

    [Fact]
    public void Every_level_of_levelPoints_in_the_schema_is_a_level_1_code_of_the_library()
    {
        var levels = Definition("levelPoints").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

        levels.Should().BeEquivalentTo(Enum.GetValues<Level1>().Select(IndicatorLevels.Code));
    }

    [Fact]
    public void The_examples_of_extends_name_every_shipped_policy()
    {
        var examples = Definition("policy").GetProperty("properties").GetProperty("extends").GetProperty("examples")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

        examples.Should().BeEquivalentTo(PolicyCatalog.BuiltIn.Names);
    }

    [Fact]
    public void A_policy_file_needs_a_name_but_an_inline_policy_does_not()
    {
        const string policy = """{ "extends": "regional-budget20", "lessIsBetter": "inverseRatio" }""";
        var set = $$"""{ "id": "x", "name": "培训项目", "year": 2025, "indicators": [], "policy": {{policy}} }""";

        ShouldBeRejectedByBoth(policy);
        SchemaFiles.Errors(SchemaFiles.Policy, policy).Should().Contain(e => e.Contains("name", StringComparison.Ordinal));
        SchemaFiles.Errors(SchemaFiles.IndicatorSet, set).Should().BeEmpty();
        PerfEvalJson.ReadIndicatorSet(set).Diagnostics.Should().OnlyContain(d => d.Code == DiagnosticCodes.EmptyIndicatorSet, "the inline policy is sound; only the empty set is worth a warning");
    }

    [Fact]
    public void Values_that_do_not_fit_together_are_left_to_the_reader()
    {
        // The schema checks each value on its own; sums and orders across values, and the base's values, are the reader's.
        foreach (var json in new[]
        {
            Policy(""" "budgetWeight": 20 """),
            Policy(""" "qualitativeBands": { "achieved": 0.5 } """),
            Policy(""" "overAchievement": { "reviewAt": 150, "reduceAt": 130 } """),
            Policy(""" "grades": [ { "min": 60, "code": "a", "label": "甲" }, { "min": 60, "code": "b", "label": "乙" } ] """),
        })
        {
            SchemaFiles.Errors(SchemaFiles.Policy, json).Should().BeEmpty(json);
            Read(json).Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.InvalidPolicy, json);
        }
    }

    private static void ShouldBeRejectedByBoth(string json)
    {
        SchemaFiles.IsValid(SchemaFiles.Policy, json).Should().BeFalse("the schema must reject it");
        Read(json).Succeeded.Should().BeFalse("the reader must reject it");
    }

    private static LoadResult<ScoringPolicy> Read(string json) => PerfEvalJson.ReadScoringPolicy(json, null, null);

    private static string Policy(string properties) => $$"""{ "name": "test-policy", {{properties}} }""";

    private static JsonElement Definition(string name) =>
        SchemaFiles.Element(SchemaFiles.Text(SchemaFiles.PolicyFile)).GetProperty("$defs").GetProperty(name);

    private static List<string> Enumerated(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();

    private static TheoryData<string> Names(Dictionary<string, string> documents)
    {
        var data = new TheoryData<string>();
        foreach (var name in documents.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}

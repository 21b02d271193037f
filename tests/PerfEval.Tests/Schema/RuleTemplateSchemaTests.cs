using System.Text.Json;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Loading;
using PerfEval.Rules;

namespace PerfEval.Tests.Schema;

/// <summary>The rule-template schema accepts and rejects the same templates as <see cref="PerfEvalJson.ReadRuleTemplate(string, string?)"/>.</summary>
public sealed class RuleTemplateSchemaTests
{
    private const string ReasonRule = """{ "id": "shortfall", "when": "pointsLost && completionRate < 100", "category": "other", "text": "{name}完成率{completionRate}%" }""";

    private const string ConsistencyRule = """{ "id": "rate", "expression": "!percent || actual <= 100", "code": "CR001" }""";

    /// <summary>Documents the reader rejects; each must fail the schema as well.</summary>
    public static TheoryData<string> RejectedDocuments => Names(Rejected);

    /// <summary>Documents the reader accepts; each must pass the schema as well.</summary>
    public static TheoryData<string> AcceptedDocuments => Names(Accepted);

    /// <summary>Documents that pass the schema but that the reader rejects: checks a JSON Schema cannot make.</summary>
    public static TheoryData<string> ReaderOnlyDocuments => Names(ReaderOnly);

    private static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["a missing id"] = """{ "name": "模板", "reasonRules": [] }""",
        ["a blank id"] = """{ "id": "  " }""",
        ["an unknown top-level property"] = """{ "id": "t", "reasonRule": [] }""",
        ["a name that is not a string"] = """{ "id": "t", "name": 1 }""",
        ["a description that is not a string"] = """{ "id": "t", "description": {} }""",
        ["reason rules as an object"] = """{ "id": "t", "reasonRules": {} }""",
        ["a reason rule that is not an object"] = """{ "id": "t", "reasonRules": [ "shortfall" ] }""",
        ["a reason rule without id"] = Reason("""{ "when": "pointsLost", "category": "other", "text": "原因" }"""),
        ["a reason rule without when"] = Reason("""{ "id": "r", "category": "other", "text": "原因" }"""),
        ["a reason rule with a blank when"] = Reason("""{ "id": "r", "when": " ", "category": "other", "text": "原因" }"""),
        ["a reason rule with a when that is not a string"] = Reason("""{ "id": "r", "when": true, "category": "other", "text": "原因" }"""),
        ["a reason rule without category"] = Reason("""{ "id": "r", "when": "pointsLost", "text": "原因" }"""),
        ["a reason rule without text"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other" }"""),
        ["a reason rule with a blank text"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "" }"""),
        ["a reason rule with measures that are not a string"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "measures": ["措施"] }"""),
        ["a reason rule with an unknown scope"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "scope": "program" }"""),
        ["a reason rule with indicator ids that are not strings"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "indicators": [1] }"""),
        ["a reason rule with indicators as a string"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "indicators": "trainees" }"""),
        ["a reason rule with a misspelt property"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "measure": "措施" }"""),
        ["a condition longer than 2000 characters"] = Reason($$"""{ "id": "r", "when": "pointsLost{{new string(' ', 1990)}} && met", "category": "other", "text": "原因" }"""),
        ["a consistency rule without expression"] = Consistency("""{ "id": "c", "code": "CR001" }"""),
        ["a consistency rule with a blank expression"] = Consistency("""{ "id": "c", "expression": "" }"""),
        ["a consistency rule without id"] = Consistency("""{ "expression": "spent <= available", "scope": "budget" }"""),
        ["a consistency code in lower case"] = Consistency("""{ "id": "c", "expression": "met", "code": "zl001" }"""),
        ["a consistency code with one letter"] = Consistency("""{ "id": "c", "expression": "met", "code": "Z001" }"""),
        ["a consistency code with nine letters"] = Consistency("""{ "id": "c", "expression": "met", "code": "ABCDEFGHI001" }"""),
        ["a consistency code with two digits"] = Consistency("""{ "id": "c", "expression": "met", "code": "ZL01" }"""),
        ["a consistency code with seven digits"] = Consistency("""{ "id": "c", "expression": "met", "code": "ZL0000001" }"""),
        ["an empty consistency code"] = Consistency("""{ "id": "c", "expression": "met", "code": "" }"""),
        ["a consistency code that is a number"] = Consistency("""{ "id": "c", "expression": "met", "code": 1 }"""),
        ["an unknown severity"] = Consistency("""{ "id": "c", "expression": "met", "severity": "fatal" }"""),
        ["a severity in capitals"] = Consistency("""{ "id": "c", "expression": "met", "severity": "Warning" }"""),
        ["a message that is not a string"] = Consistency("""{ "id": "c", "expression": "met", "message": 1 }"""),
        ["a consistency rule with an unknown scope"] = Consistency("""{ "id": "c", "expression": "met", "scope": "indicators" }"""),
        ["a consistency rule with a misspelt property"] = Consistency("""{ "id": "c", "expression": "met", "sevrity": "info" }"""),
        ["a category without en"] = Category("""{ "id": "heating", "zh": "供暖期调整" }"""),
        ["a category with a blank zh"] = Category("""{ "id": "heating", "zh": "", "en": "Heating" }"""),
        ["a category without id"] = Category("""{ "zh": "供暖期调整", "en": "Heating" }"""),
        ["a category with an unknown property"] = Category("""{ "id": "heating", "zh": "供暖期调整", "en": "Heating", "label": "供暖" }"""),
        ["categories as an object"] = """{ "id": "t", "reasonCategories": { "heating": "供暖期调整" } }""",
        ["a document that is not an object"] = "\"common-reasons\"",
    };

    private static readonly Dictionary<string, string> Accepted = new(StringComparer.Ordinal)
    {
        ["the smallest template"] = """{ "id": "t" }""",
        ["empty lists"] = """{ "id": "t", "name": "", "description": "", "reasonCategories": [], "reasonRules": [], "consistencyRules": [] }""",
        ["every property"] = """
            {
              "id": "heating-rules", "name": "供暖项目规则", "description": "说明",
              "reasonCategories": [ { "id": "heating", "zh": "供暖期调整", "en": "Heating season change" } ],
              "reasonRules": [
                { "id": "short", "when": "pointsLost && !qualitative && completionRate < 100", "category": "heating",
                  "text": "{name}实际完成{actualText}，差{gap}{unit}。", "measures": "加强{program}调度。", "scope": "indicator",
                  "indicators": ["area", "households"], "description": "说明" },
                { "id": "slow", "when": "executionRate < 90 && initial > 0", "category": "funds", "text": "执行率{executionRate}%。", "scope": "budget" }
              ],
              "consistencyRules": [
                { "id": "parts", "expression": "hardship + enterprises == actual", "code": "ZL001", "severity": "error",
                  "message": "{name}分项之和与合计不符。", "scope": "indicator", "indicators": ["jobs"], "description": "说明" },
                { "id": "within", "expression": "spent <= available", "code": "CR002", "severity": "warning", "scope": "budget" },
                { "id": "note", "expression": "Math.Abs(deviation) < 1000 || iif(lessIsBetter, 1, 0) == 1", "severity": "info" }
              ]
            }
            """,
        ["comments, a $schema reference and trailing commas"] = """
            {
              /* a block comment */
              "$schema": "../schema/rule-template.schema.json",
              "// note": "ignored",
              "id": "t",
              "reasonCategories": [ { "// note": 1, "id": "heating", "zh": "供暖期调整", "en": "Heating", }, ],
              "reasonRules": [ { "// note": true, "id": "r", "when": "pointsLost", "category": "heating", "text": "原因", }, ],
              "consistencyRules": [ { "// note": null, "id": "c", "expression": "score <= weight", }, ],
            }
            """,
        ["a reason rule with an empty measures"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "measures": "" }"""),
        ["a reason rule with no indicators"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "other", "text": "原因", "indicators": [] }"""),
        ["a reason rule with a Chinese value name"] = Reason("""{ "id": "r", "when": "困难人员 > 0", "category": "other", "text": "{困难人员}" }"""),
        ["the shortest consistency code"] = Consistency("""{ "id": "c", "expression": "met", "code": "ZL001" }"""),
        ["the longest consistency code"] = Consistency("""{ "id": "c", "expression": "met", "code": "ABCDEFGH123456" }"""),
        ["a consistency rule with an empty message"] = Consistency("""{ "id": "c", "expression": "met", "message": "" }"""),
        ["a condition of 2000 characters"] = Reason($$"""{ "id": "r", "when": "pointsLost{{new string(' ', 1983)}} && met", "category": "other", "text": "原因" }"""),
    };

    private static readonly Dictionary<string, string> ReaderOnly = new(StringComparer.Ordinal)
    {
        ["an unknown reason category"] = Reason("""{ "id": "r", "when": "pointsLost", "category": "weather", "text": "原因" }"""),
        ["a category id that repeats a built-in one"] = Category("""{ "id": "funds", "zh": "资金", "en": "Funds" }"""),
        ["two rules with the same id"] = """{ "id": "t", "reasonRules": [ """ + ReasonRule + """ ], "consistencyRules": [ { "id": "shortfall", "expression": "met" } ] }""",
        ["a single equals sign"] = Consistency("""{ "id": "c", "expression": "actual = target" }"""),
        ["a function other than Math.Min, Max, Abs, Floor and Ceiling"] = Consistency("""{ "id": "c", "expression": "Math.Pow(actual, 2) > 0" }"""),
        ["a string in an expression"] = Reason("""{ "id": "r", "when": "unit == '人'", "category": "other", "text": "原因" }"""),
        ["true in an expression"] = Reason("""{ "id": "r", "when": "met == true", "category": "other", "text": "原因" }"""),
        ["a value name in capitals"] = Consistency("""{ "id": "c", "expression": "Actual > 0" }"""),
        ["an unclosed parenthesis"] = Consistency("""{ "id": "c", "expression": "(actual > 0" }"""),
    };

    [Fact]
    public void A_reason_rule_without_when_fails_the_schema_and_the_reader()
    {
        var json = Reason("""{ "id": "r", "category": "other", "text": "原因" }""");

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.RuleTemplate, json).Should().Contain(e => e.StartsWith("/reasonRules/0", StringComparison.Ordinal) && e.Contains("when", StringComparison.Ordinal));
    }

    [Fact]
    public void A_consistency_code_zl_1_fails_the_schema_and_the_reader()
    {
        var json = Consistency("""{ "id": "c", "expression": "actual >= 0", "code": "zl-1" }""");

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.RuleTemplate, json).Should().Contain(e => e.StartsWith("/consistencyRules/0/code", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RejectedDocuments))]
    public void A_template_the_reader_rejects_fails_the_schema_too(string name)
    {
        ShouldBeRejectedByBoth(Rejected[name]);
    }

    [Theory]
    [MemberData(nameof(AcceptedDocuments))]
    public void A_template_the_reader_accepts_passes_the_schema_too(string name)
    {
        var json = Accepted[name];

        Read(json).Diagnostics.Should().BeEmpty();
        SchemaFiles.Errors(SchemaFiles.RuleTemplate, json).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ReaderOnlyDocuments))]
    public void What_the_schema_cannot_check_is_left_to_the_reader(string name)
    {
        var json = ReaderOnly[name];

        SchemaFiles.Errors(SchemaFiles.RuleTemplate, json).Should().BeEmpty("a JSON Schema cannot check this");
        Read(json).Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Error
            && (d.Code == DiagnosticCodes.InvalidExpression || d.Code == DiagnosticCodes.UnknownReasonCategory || d.Code == DiagnosticCodes.DuplicateRule || d.Code == DiagnosticCodes.DuplicateId));
    }

    [Fact]
    public void Every_severity_and_scope_in_the_schema_is_read_by_the_library()
    {
        var severities = Enumerated(Definition("consistencyRule").GetProperty("properties").GetProperty("severity"));
        var scopes = Enumerated(Definition("scope"));

        severities.Should().BeEquivalentTo(Enum.GetValues<DiagnosticSeverity>().Select(s => s.ToString().ToLowerInvariant()));
        scopes.Should().BeEquivalentTo(Enum.GetValues<RuleScope>().Select(s => s.ToString().ToLowerInvariant()));
        foreach (var severity in severities)
        {
            foreach (var scope in scopes)
            {
                var json = Consistency($$"""{ "id": "c", "expression": "score >= 0", "severity": "{{severity}}", "scope": "{{scope}}" }""");
                var rule = Read(json).Value!.ConsistencyRules.Single();
                rule.Severity.ToString().Should().BeEquivalentTo(severity);
                rule.Scope.ToString().Should().BeEquivalentTo(scope);
                SchemaFiles.IsValid(SchemaFiles.RuleTemplate, json).Should().BeTrue();
            }
        }
    }

    [Fact]
    public void The_descriptions_of_conditions_name_every_value_a_rule_can_read()
    {
        foreach (var (definition, property) in new[] { ("reasonRule", "when"), ("consistencyRule", "expression") })
        {
            var description = Definition(definition).GetProperty("properties").GetProperty(property).GetProperty("description").GetString()!;
            foreach (var name in RuleValues.IndicatorNumbers.Concat(RuleValues.IndicatorBooleans).Concat(RuleValues.BudgetNumbers))
            {
                description.Should().Contain(name, $"{definition}.{property} should name {name}");
            }

            foreach (var word in new[] { "iif", "Math.Min", "Math.Max", "Math.Abs", "Math.Floor", "Math.Ceiling", "&&", "||", "2000", "inputs" })
            {
                description.Should().Contain(word, $"{definition}.{property} should describe the grammar");
            }
        }
    }

    [Fact]
    public void The_descriptions_of_texts_name_every_placeholder()
    {
        foreach (var (definition, property) in new[] { ("reasonRule", "text"), ("reasonRule", "measures"), ("consistencyRule", "message") })
        {
            var description = Definition(definition).GetProperty("properties").GetProperty(property).GetProperty("description").GetString()!;
            foreach (var name in RuleValues.IndicatorTexts.Concat(RuleValues.IndicatorNumbers).Concat(RuleValues.IndicatorBooleans).Concat(RuleValues.BudgetNumbers))
            {
                description.Should().Contain("{" + name + "}", $"{definition}.{property} should name {{{name}}}");
            }
        }
    }

    [Fact]
    public void The_built_in_reason_categories_are_the_ones_the_schema_lists()
    {
        var examples = Definition("reasonRule").GetProperty("properties").GetProperty("category").GetProperty("examples").EnumerateArray().Select(e => e.GetString()!);

        examples.Should().Equal(Deviations.ReasonCategory.BuiltIn.Select(c => c.Id));
    }

    private static void ShouldBeRejectedByBoth(string json)
    {
        SchemaFiles.IsValid(SchemaFiles.RuleTemplate, json).Should().BeFalse("the schema must reject it");
        Read(json).Succeeded.Should().BeFalse("the reader must reject it");
    }

    private static LoadResult<RuleTemplate> Read(string json) => PerfEvalJson.ReadRuleTemplate(json, null);

    private static string Reason(string rule) => $$"""{ "id": "t", "reasonRules": [ {{rule}} ] }""";

    private static string Consistency(string rule) => $$"""{ "id": "t", "consistencyRules": [ {{rule}} ] }""";

    private static string Category(string category) => $$"""{ "id": "t", "reasonCategories": [ {{category}} ] }""";

    private static JsonElement Definition(string name) =>
        SchemaFiles.Element(SchemaFiles.Text(SchemaFiles.RuleTemplateFile)).GetProperty("$defs").GetProperty(name);

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

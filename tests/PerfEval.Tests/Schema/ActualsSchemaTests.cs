using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Loading;

namespace PerfEval.Tests.Schema;

/// <summary>The actuals schema accepts and rejects the same documents as <see cref="PerfEvalJson.ReadActuals(string, string?)"/>.</summary>
public sealed class ActualsSchemaTests
{
    /// <summary>Documents the reader rejects; each must fail the schema as well.</summary>
    public static TheoryData<string> RejectedDocuments => Names(Rejected);

    /// <summary>Documents the reader accepts; each must pass the schema as well.</summary>
    public static TheoryData<string> AcceptedDocuments => Names(Accepted);

    private static readonly Dictionary<string, string> Rejected = new(StringComparer.Ordinal)
    {
        ["a misspelt indicatorSet"] = """{ "indicatorsSet": "x", "indicators": {} }""",
        ["a missing indicatorSet"] = """{ "indicators": { "a": 1 } }""",
        ["an empty indicatorSet"] = """{ "indicatorSet": "", "indicators": {} }""",
        ["missing indicators"] = """{ "indicatorSet": "x" }""",
        ["indicators as an array"] = """{ "indicatorSet": "x", "indicators": [1] }""",
        ["a misspelt budget property"] = Actuals("1", budget: """{ "spend": 10 }"""),
        ["a negative amount"] = Actuals("1", budget: """{ "spent": -1 }"""),
        ["a negative source amount"] = Actuals("1", budget: """{ "sources": { "central": -5 } }"""),
        ["an amount written as a string"] = Actuals("1", budget: """{ "available": "100" }"""),
        ["an expenditure amount written as a string"] = Actuals("1", budget: """{ "expenditures": { "services": "62.2" } }"""),
        ["sources as an array"] = Actuals("1", budget: """{ "sources": [1] }"""),
        ["a null actual entry"] = Actuals("null"),
        ["a boolean actual entry"] = Actuals("true"),
        ["an array actual entry"] = Actuals("[1]"),
        ["a misspelt property in an actual object"] = Actuals("""{ "actual": 1, "reasons": "原因" }"""),
        ["an actual that is an object"] = Actuals("""{ "actual": { "value": 1 } }"""),
        ["an unknown grade"] = Actuals("""{ "actual": "有效", "grade": "excellent" }"""),
        ["a grade that is not a string"] = Actuals("""{ "actual": "有效", "grade": 1 }"""),
        ["a score written as a string"] = Actuals("""{ "actual": "有效", "score": "8" }"""),
        ["inputs as an array"] = Actuals("""{ "inputs": [1, 2] }"""),
        ["an input written as a string"] = Actuals("""{ "inputs": { "hardship": "2574" } }"""),
        ["notApplicable written as a string"] = Actuals("""{ "notApplicable": "true" }"""),
        ["a reason that is not a string"] = Actuals("""{ "actual": 1, "reason": 1 }"""),
        ["a year before 1900"] = """{ "indicatorSet": "x", "year": 1899, "indicators": {} }""",
        ["a year with a fraction"] = """{ "indicatorSet": "x", "year": 2025.5, "indicators": {} }""",
        ["a year written as a string"] = """{ "indicatorSet": "x", "year": "2025", "indicators": {} }""",
        ["a description that is not a string"] = """{ "indicatorSet": "x", "description": 1, "indicators": {} }""",
        ["a budget reason that is not a string"] = Actuals("1", budget: """{ "spent": 1, "reason": ["原因"] }"""),
        ["budget measures that are not a string"] = Actuals("1", budget: """{ "spent": 1, "measures": 1 }"""),
        ["a budget reason category that is not a string"] = Actuals("1", budget: """{ "spent": 1, "reasonCategory": 1 }"""),
        ["a negative initial budget"] = Actuals("1", budget: """{ "initial": -1 }"""),
        ["a reason category that is not a string"] = Actuals("""{ "actual": 1, "reason": "原因", "reasonCategory": true }"""),
        ["measures that are not a string"] = Actuals("""{ "actual": 1, "measures": {} }"""),
        ["a negative deduction"] = Actuals("""{ "actual": 1, "deduction": -0.5 }"""),
        ["a deduction written as a string"] = Actuals("""{ "actual": 1, "deduction": "1" }"""),
        ["a misspelt reasonCategory"] = Actuals("""{ "actual": 1, "reason": "原因", "reasonCatgory": "funds" }"""),
        ["an unknown stated figure"] = """{ "indicatorSet": "x", "indicators": {}, "stated": { "total": 95 } }""",
        ["a stated figure that is not a number or a text"] = """{ "indicatorSet": "x", "indicators": {}, "stated": { "completionRates": { "a": true } } }""",
        ["a document that is not an object"] = "\"actuals\"",
    };

    private static readonly Dictionary<string, string> Accepted = new(StringComparer.Ordinal)
    {
        ["the smallest actuals"] = """{ "indicatorSet": "x", "indicators": {} }""",
        ["a number entry"] = Actuals("2781"),
        ["a string entry"] = Actuals("\"98%\""),
        ["an object entry with every property"] = Actuals("""
            { "actual": "有效提升", "grade": "部分达成", "score": 7, "inputs": { "a": 1, "b": 2.5 }, "reason": "原因", "measures": "措施", "notApplicable": false }
            """),
        ["an empty object entry"] = Actuals("{}"),
        ["a not-applicable entry"] = Actuals("""{ "notApplicable": true, "reason": "本年度未开展" }"""),
        ["a full budget"] = Actuals("1", budget: """
            { "initial": 3000, "available": 3877.67, "spent": 3861.14, "sources": { "central": 1409.7 }, "expenditures": { "services": 0 } }
            """),
        ["a year and a description"] = """{ "indicatorSet": "x", "year": 2025, "description": "说明", "indicators": {} }""",
        ["a budget reason, measures and category"] = Actuals("1", budget: """{ "available": 100, "spent": 80, "reason": "资金下达晚", "measures": "加快拨付", "reasonCategory": "funds" }"""),
        ["an indicator's reason category and deduction"] = Actuals("""{ "actual": 46, "reason": "见习人员未达到发放条件", "measures": "加强宣传", "reasonCategory": "externalChange", "deduction": 0.5 }"""),
        ["a deduction of 0"] = Actuals("""{ "actual": 1, "deduction": 0 }"""),
        ["every stated figure"] = """
            {
              "indicatorSet": "x", "indicators": {},
              "stated": {
                "// note": "what the report states", "available": 3877.67, "spent": "3861.14", "executionRate": "99.57%", "budgetScore": 9.96,
                "sourceShares": { "central": 36.35 }, "expenditureShares": { "// note": 1, "services": "1.61%" },
                "completionRates": { "a": 120.91 }, "scores": { "a": 1.79 }, "totalScore": 95.23, "grade": "优", "conclusion": "各项绩效目标全面完成"
              }
            }
            """,
        ["a reason category a rule template adds"] = Actuals("""{ "actual": 1, "reason": "原因", "reasonCategory": "heating" }"""),
        ["comments among indicator ids, line ids and inputs"] = """
            {
              "indicatorSet": "x",
              "budget": { "sources": { "// note": "not a source", "central": 10 }, "expenditures": { "// note": ["not a line"], "services": 9 } },
              "indicators": { "// note": "not an indicator", "a": { "inputs": { "// note": "not an input", "hardship": 3 } } }
            }
            """,
        ["comments, a $schema reference and trailing commas"] = """
            {
              /* a block comment */
              "$schema": "../../schema/actuals.schema.json",
              "// note": "ignored",
              "indicatorSet": "x",
              "budget": { "// note": "ignored", "spent": 1, },
              "indicators": { "a": { "// note": "ignored", "actual": 1, }, },
            }
            """,
    };

    [Fact]
    public void A_misspelt_property_in_an_actual_fails_the_schema_and_the_reader()
    {
        var json = Actuals("""{ "actual": 46, "resaon": "见习人员未达到发放条件" }""");

        ShouldBeRejectedByBoth(json);
        SchemaFiles.Errors(SchemaFiles.Actuals, json).Should().Contain(e => e.Contains("resaon", StringComparison.Ordinal));
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

        PerfEvalJson.ReadActuals(json).Diagnostics.Should().BeEmpty();
        SchemaFiles.Errors(SchemaFiles.Actuals, json).Should().BeEmpty();
    }

    [Fact]
    public void Every_grade_in_the_schema_is_read_by_the_library_and_every_grade_is_listed()
    {
        var grades = SchemaFiles.Element(SchemaFiles.Text(SchemaFiles.ActualsFile))
            .GetProperty("$defs").GetProperty("indicatorActualObject").GetProperty("properties").GetProperty("grade").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

        var read = new HashSet<QualitativeGrade>();
        foreach (var grade in grades)
        {
            ActualsReader.TryGrade(grade, out var parsed).Should().BeTrue(grade);
            read.Add(parsed);
            SchemaFiles.IsValid(SchemaFiles.Actuals, Actuals($$"""{ "actual": "有效", "grade": "{{grade}}" }""")).Should().BeTrue(grade);
        }

        read.Should().BeEquivalentTo(Enum.GetValues<QualitativeGrade>());
        grades.Should().Contain(["achieved", "partial", "notAchieved", "达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"]);
    }

    private static void ShouldBeRejectedByBoth(string json)
    {
        SchemaFiles.IsValid(SchemaFiles.Actuals, json).Should().BeFalse("the schema must reject it");
        PerfEvalJson.ReadActuals(json).Succeeded.Should().BeFalse("the reader must reject it");
    }

    private static string Actuals(string entry, string? budget = null) =>
        $$"""{ "indicatorSet": "training-2025", {{(budget is null ? string.Empty : $"\"budget\": {budget}, ")}}"indicators": { "trainees": {{entry}} } }""";

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

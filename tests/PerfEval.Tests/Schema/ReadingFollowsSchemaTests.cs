using FluentAssertions;
using PerfEval.Loading;
using SchemaNode = PerfEval.Loading.Schema;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Schema;

/// <summary>
/// The schemas in rules/schema are the one description of the file formats: the reader checks every document against
/// them (the copies embedded in PerfEval.dll) and then maps what they declare onto the model. These tests keep the two
/// in step: the reader reads no property its schema does not declare, every property a schema declares is read into the
/// model (or is listed below as a note the model does not keep), and the embedded copies are the files in rules/schema.
/// </summary>
public sealed class ReadingFollowsSchemaTests
{
    /// <summary>Properties the schemas declare that the model does not keep: notes for human readers.</summary>
    private static readonly HashSet<(string Schema, string Property)> NotKept =
    [
        ("indicator-set.schema.json#", "description"),
        ("actuals.schema.json#", "description"),
        ("rule-template.schema.json#", "description"),
        ("rule-template.schema.json#/$defs/reasonRule", "description"),
        ("rule-template.schema.json#/$defs/consistencyRule", "description"),
        ("target-checklist.schema.json#", "description"),
    ];

    /// <summary>A set, actuals and a template that between them give every property the schemas declare.</summary>
    private const string FullSet = """
        {
          "id": "full-2025", "name": "全属性示例", "year": 2025, "department": "人社局", "implementingUnit": "就业服务中心",
          "goals": ["完成培训"], "description": "说明",
          "budget": {
            "unit": "万元",
            "sources": [ { "id": "central", "name": "中央财政资金", "category": "appropriation" } ],
            "expenditures": [ { "id": "training", "name": "培训补贴" } ]
          },
          "indicators": [
            { "id": "trainees", "name": "培训人数", "program": "子项目", "level1": "output", "level2": "quantity", "target": "≥100",
              "comparison": "≥", "unit": "人", "weight": 50, "compute": "a + b", "description": "说明" },
            { "id": "rate", "name": "合格率", "level2": "quality", "weight": 30,
              "target": { "comparison": "range", "value": 90, "upper": 95, "percent": true, "unit": "%", "description": "区间" } },
            { "id": "done", "name": "完成时间", "level2": "timeliness", "target": { "deadline": "12月底前" }, "weight": 10 }
          ],
          "policy": {
            "name": "local", "extends": "mof-2020", "description": "本地", "budgetWeight": 10, "totalPoints": 100,
            "levelPoints": { "output": 50, "benefit": 30, "satisfaction": 10, "cost": 0 },
            "lessIsBetter": "inverseRatio", "qualitativeBands": { "achieved": 0.8, "partial": 0.6 },
            "qualitativeDefaults": { "achieved": 1, "partial": 0.6, "notAchieved": 0 },
            "satisfaction": { "scoring": "stepped", "fullAt": 90, "step": 5, "stepShare": 0.1 },
            "grades": [ { "min": 90, "code": "excellent", "label": "优", "labelEn": "Excellent" }, { "code": "poor", "label": "差" } ],
            "overAchievement": { "reviewAt": 120, "reduceAt": 150, "reduceShare": 0.1 },
            "budgetExplanationBelow": 90, "deductions": true, "rescaleNotApplicable": true
          },
          "reasonCategories": [ { "id": "heating", "zh": "供暖期调整", "en": "Heating season change" } ],
          "reasonRules": [ { "id": "r", "when": "pointsLost", "category": "heating", "text": "原因", "measures": "措施", "scope": "indicator", "indicators": ["trainees"], "description": "说明" } ],
          "consistencyRules": [ { "id": "c", "expression": "actual >= 0", "code": "ZL001", "severity": "warning", "message": "消息", "scope": "indicator", "indicators": ["trainees"], "description": "说明" } ]
        }
        """;

    private const string FullActuals = """
        {
          "indicatorSet": "full-2025", "year": 2025, "asOf": "2025-07-31", "description": "说明",
          "budget": { "initial": 100, "available": 100, "spent": 90, "sources": { "central": { "initial": 100, "available": 100, "spent": 90 } },
                      "expenditures": { "training": 90 }, "reason": "原因", "measures": "措施", "reasonCategory": "funds" },
          "indicators": {
            "trainees": { "actual": 120, "inputs": { "a": 60, "b": 60 }, "reason": "原因", "measures": "措施", "reasonCategory": "other", "deduction": 0 },
            "rate": { "actual": "92%", "projected": "95%", "grade": "achieved", "score": 30, "notApplicable": false },
            "done": "12月底前"
          },
          "stated": {
            "initial": 100, "available": 100, "spent": 90, "executionRate": "90%", "budgetScore": 9, "sourceShares": { "central": 100 },
            "sources": { "central": { "initial": 100, "available": 100, "spent": 90, "executionRate": 90 } },
            "expenditureShares": { "training": 100 }, "completionRates": { "trainees": 120 }, "scores": { "trainees": 50 }, "level1Scores": { "output": 50 }, "level2Scores": { "quantity": 50 },
            "totalScore": 99, "grade": "优", "conclusion": "全部完成"
          }
        }
        """;

    private const string FullTemplate = """
        { "id": "t", "name": "模板", "description": "说明", "reasonCategories": [], "reasonRules": [], "consistencyRules": [] }
        """;

    private const string FullPolicy = """
        { "name": "p", "extends": "mof-2020", "budgetWeight": 10 }
        """;

    [Fact]
    public void The_reader_reads_no_property_that_the_schema_of_its_object_does_not_declare()
    {
        var reads = ReadEverything();

        reads.Should().NotBeEmpty();
        reads.Where(r => r.Schema is null || !r.Schema.Declares(r.Property)).Select(r => $"{r.Schema?.Pointer ?? "(unchecked)"}: {r.Property}")
            .Should().BeEmpty("a property the reader looks for must be one the schema declares");
    }

    [Fact]
    public void Every_property_a_schema_declares_is_read_into_the_model_unless_listed_as_a_note_the_model_does_not_keep()
    {
        var reads = ReadEverything();
        var read = reads.Where(r => r.Schema is not null).Select(r => (r.Schema!, r.Property)).ToHashSet();

        var unread = new List<string>();
        foreach (var schema in Schemas.All.Values.Where(s => s.Properties is not null))
        {
            foreach (var property in schema.Properties!.Keys)
            {
                // An object checked against a schema that refers to this one (a policy file's root refers to the policy) counts.
                var covered = read.Any(r => r.Property == property && (r.Item1 == schema || r.Item1.Ref == schema || schema.Ref == r.Item1));
                if (!covered && !NotKept.Contains((schema.Pointer, property)))
                {
                    unread.Add($"{schema.Pointer}: {property}");
                }
            }
        }

        unread.Should().BeEmpty("every property the schemas declare must reach the model (or be listed as a note it does not keep)");
        NotKept.Should().OnlyContain(n => Schemas.All.ContainsKey(n.Schema) && Schemas.All[n.Schema].Declares(n.Property), "the list names properties the schemas declare");
    }

    [Fact]
    public void The_schemas_embedded_in_the_library_are_the_files_in_rules_schema()
    {
        foreach (var file in SchemaFiles.All)
        {
            Schemas.Text(file).ReplaceLineEndings().Should().Be(SchemaFiles.Text(file).ReplaceLineEndings(), file);
        }
    }

    [Fact]
    public void A_property_the_schema_does_not_declare_is_reported_with_the_closest_declared_name()
    {
        // The suggestion comes from the schema's own list of properties.
        var json = FullSet.Replace("\"implementingUnit\"", "\"implementingUnt\"", StringComparison.Ordinal);
        var lines = json.ReplaceLineEndings("\n").Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"implementingUnt\"", StringComparison.Ordinal));

        var read = PerfEvalJson.ReadIndicatorSet(json, "indicators.json");

        var d = read.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(Diagnostics.DiagnosticCodes.UnknownProperty);
        d.Path.Should().Be("$.implementingUnt");
        d.Arguments["suggestion"].Should().Contain("implementingUnit");
        (d.Location!.Line, d.Location.Column).Should().Be((line + 1, lines[line].IndexOf("\"implementingUnt\"", StringComparison.Ordinal) + 1), "the position is the misspelt name's, in characters");
    }

    /// <summary>Reads the full documents above and every rule file of the repository, recording each property the reader looks up.</summary>
    private static List<(SchemaNode? Schema, string Property)> ReadEverything()
    {
        var reads = new List<(SchemaNode?, string)>();
        var thread = Environment.CurrentManagedThreadId;
        ObjectReader.OnRead = (node, name) =>
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                lock (reads)
                {
                    reads.Add((node.Schema, name));
                }
            }
        };
        try
        {
            PerfEvalJson.ReadIndicatorSet(FullSet).Diagnostics.Should().BeEmpty();
            PerfEvalJson.ReadActuals(FullActuals).Diagnostics.Should().BeEmpty();
            PerfEvalJson.ReadRuleTemplate(FullTemplate, null).Diagnostics.Should().BeEmpty();
            PerfEvalJson.ReadScoringPolicy(FullPolicy, null, null).Diagnostics.Should().BeEmpty();
            var rules = Path.Combine(SeedExample.RepositoryRoot(), "rules");
            foreach (var file in Directory.GetFiles(Path.Combine(rules, "policies"), "*.json"))
            {
                PerfEvalJson.ReadScoringPolicyFile(file, null).Diagnostics.Should().BeEmpty(file);
            }

            foreach (var file in Directory.GetFiles(Path.Combine(rules, "templates"), "*.json"))
            {
                PerfEvalJson.ReadRuleTemplateFile(file).Diagnostics.Should().BeEmpty(file);
            }

            PerfEvalJson.ReadProgrammeFolder(Testing.Repository.SeedExample()).Diagnostics.Should().BeEmpty();
            PerfEval.TargetReview.TargetChecklist.ReadFile(Path.Combine(rules, "checklists", "target-review.json")).Diagnostics.Should().BeEmpty();
        }
        finally
        {
            ObjectReader.OnRead = null;
        }

        return reads;
    }
}

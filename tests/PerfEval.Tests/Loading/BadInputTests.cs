using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Loading;

/// <summary>
/// Bad input, read through <see cref="PerfEvalJson"/> and evaluated with <see cref="Evaluator"/>: every problem
/// comes back as a diagnostic with its code, severity, JSON path and 1-based line and column (counted in
/// characters, so Chinese text before the problem counts one column per character), never as an exception,
/// and a document with an error yields no value at all.
/// </summary>
public sealed class BadInputTests
{
    private const string SetFile = "indicators.json";
    private const string ActualsFile = "actuals.json";

    /// <summary>A sound indicator set: 10 budget + 50 output + 30 benefit + 10 satisfaction = 100.</summary>
    private const string GoodSet = """
        {
          "id": "demo-2025",
          "name": "示例项目",
          "year": 2025,
          "budget": {
            "sources": [
              { "id": "central", "name": "中央财政资金" },
              { "id": "county", "name": "旗县财政资金" }
            ]
          },
          "indicators": [
            { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300", "unit": "人" },
            { "id": "effect", "name": "创业能力", "level2": "social", "target": "有效提升创业能力" },
            { "id": "satisfaction", "name": "满意度", "level2": "satisfaction", "target": "≥95%" }
          ]
        }
        """;

    /// <summary>Sound actuals for <see cref="GoodSet"/>.</summary>
    private const string GoodActuals = """
        {
          "indicatorSet": "demo-2025",
          "budget": {
            "available": 100,
            "spent": 90,
            "sources": { "central": 60, "county": 40 }
          },
          "indicators": {
            "recipients": 2400,
            "effect": "有效提升创业能力",
            "satisfaction": "96%"
          }
        }
        """;

    private static IndicatorSet LoadGoodSet() => PerfEvalJson.ReadIndicatorSet(GoodSet, SetFile).GetValueOrThrow();

    private static EvaluationResult EvaluateActuals(string actualsJson)
    {
        var actuals = PerfEvalJson.ReadActuals(actualsJson, ActualsFile);
        actuals.Diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error, "these actuals are well-formed; the problem is found by the evaluation");
        return new Evaluator().Evaluate(LoadGoodSet(), actuals.GetValueOrThrow());
    }

    private static Diagnostic Single<T>(LoadResult<T> result, string code)
        where T : class
    {
        result.Value.Should().BeNull("a document with an error yields no value");
        result.Succeeded.Should().BeFalse();
        return result.Diagnostics.Should().ContainSingle(d => d.Code == code).Subject;
    }

    private static Diagnostic Single(EvaluationResult result, string code) =>
        result.Findings.Should().ContainSingle(d => d.Code == code).Subject;

    private static void At(Diagnostic d, string source, int line, int column)
    {
        d.Location.Should().NotBeNull();
        d.Location!.Source.Should().Be(source);
        (d.Location.Line, d.Location.Column).Should().Be((line, column), $"{d} should point at line {line}, column {column}");
    }

    // ---- the fixtures themselves -----------------------------------------------------------------------------

    [Fact]
    public void The_sound_documents_load_and_evaluate_to_full_marks_without_any_finding()
    {
        // Budget 10 × 90 / 100 = 9; recipients 2400 ≥ 2300 → 50; effect repeats its target → 30; 96 % ≥ 95 % → 10.
        var set = PerfEvalJson.ReadIndicatorSet(GoodSet, SetFile);
        var actuals = PerfEvalJson.ReadActuals(GoodActuals, ActualsFile);
        set.Diagnostics.Should().BeEmpty();
        actuals.Diagnostics.Should().BeEmpty();

        var result = new Evaluator().Evaluate(set.Value!, actuals.Value!);

        result.Findings.Should().BeEmpty();
        result.Indicators.Should().HaveCount(3);
        result.TotalScore.Should().Be(99m);
    }

    // ---- reading the indicator set ---------------------------------------------------------------------------

    [Fact]
    public void Malformed_json_is_reported_at_the_line_and_character_column_of_the_offending_token()
    {
        // Line 3: two spaces, "name": (cols 3–9), a space, "就业补助资金" (cols 11–18), a space; the stray " is
        // column 20 in characters (it would be column 31 counted in UTF-8 bytes).
        const string json = """
            {
              "id": "demo-2025",
              "name": "就业补助资金" "year": 2025,
              "indicators": []
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.MalformedJson);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        At(d, SetFile, 3, 20);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_do_not_shift_lines_or_columns()
    {
        // Line 3 after the BOM: two spaces, then "nmae" at col 3.
        var json = "\uFEFF{\r\n  \"id\": \"demo-2025\",\r\n  \"nmae\": \"示例项目\",\r\n  \"year\": 2025,\r\n  \"indicators\": []\r\n}\r\n";

        var result = PerfEvalJson.ReadIndicatorSet(json, SetFile);
        var d = Single(result, DiagnosticCodes.UnknownProperty);

        d.Path.Should().Be("$.nmae");
        d.Arguments["name"].Should().Be("nmae");
        At(d, SetFile, 3, 3);
        result.Diagnostics.Should().Contain(x => x.Code == DiagnosticCodes.MissingProperty && x.Path == "$.name")
            .Which.Location.Should().Be(new SourceLocation(SetFile, 1, 1), "a missing property is reported at its object, the { right after the BOM");
    }

    [Fact]
    public void An_unknown_property_typo_is_reported_where_it_stands_with_a_suggestion()
    {
        // Line 6, col 65: 4 spaces, { (5), "id": "recipients", (7–25), "name": "补贴人数", (27–41), "level2": "quantity", (43–63), "traget" at 65.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "traget": "≥2300" }
              ]
            }
            """;

        var result = PerfEvalJson.ReadIndicatorSet(json, SetFile);
        var d = Single(result, DiagnosticCodes.UnknownProperty);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].traget");
        At(d, SetFile, 6, 65);
        d.Arguments["name"].Should().Be("traget");
        d.Arguments["suggestion"].Should().Contain("target");
        d.Message.Should().Contain("traget").And.Contain("target", "the message suggests the property meant");
        result.Diagnostics.Should().Contain(x => x.Code == DiagnosticCodes.MissingProperty && x.Path == "$.indicators[0].target",
            "the misspelt target leaves the indicator without one");
    }

    [Fact]
    public void A_string_where_a_number_belongs_is_a_wrong_type()
    {
        // Line 6: … "target": "≥2300" ends at col 81 (≥ is one character), ", " then "weight" at 84–91, ": " and the value at 94.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300", "weight": "10" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.WrongType);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].weight");
        At(d, SetFile, 6, 94);
    }

    [Fact]
    public void A_year_written_as_a_string_is_a_wrong_type()
    {
        // Line 4: two spaces, "year" (3–8), ':', a space, the value at col 11.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": "2025",
              "indicators": []
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.WrongType);

        d.Path.Should().Be("$.year");
        At(d, SetFile, 4, 11);
    }

    [Fact]
    public void A_missing_target_is_reported_at_its_indicator()
    {
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "unit": "人" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.MissingProperty);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].target");
        d.Arguments["name"].Should().Be("target");
        At(d, SetFile, 6, 5);
    }

    [Fact]
    public void A_duplicate_indicator_id_is_reported_at_the_second_id()
    {
        // Line 7: 4 spaces, { (5), a space, "id" (7–10), ':', a space, the value "recipients" at col 13.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300" },
                { "id": "recipients", "name": "新增就业人数", "level2": "quantity", "target": "≥330" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.DuplicateId);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[1].id");
        d.Arguments["id"].Should().Be("recipients");
        At(d, SetFile, 7, 13);
    }

    [Fact]
    public void A_property_written_twice_in_one_object_is_reported_at_its_second_name()
    {
        // Line 6: the first "target" is at 65–72 with "≥2300" at 75–81; the second "target" starts at col 84.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300", "target": "≥2400" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.DuplicateProperty);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].target");
        d.Arguments["name"].Should().Be("target");
        At(d, SetFile, 6, 84);
    }

    [Fact]
    public void An_unknown_level2_is_an_invalid_value()
    {
        // Line 6: "level2" at 43–50, ': ', the value at col 53.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantty", "target": "≥2300" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.InvalidValue);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].level2");
        d.Arguments["value"].Should().Be("quantty");
        d.Arguments["reason"].Should().Contain("quantity", "the message lists the accepted codes");
        At(d, SetFile, 6, 53);
    }

    [Fact]
    public void At_least_zero_has_no_completion_rate_and_is_refused()
    {
        // X / 0 is undefined; the message proposes ＝0 or ≤0. Line 6: "target" at 65–72, the value at col 75.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥0" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.ZeroTargetRatio);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].target");
        d.Arguments["comparison"].Should().Be("≥");
        At(d, SetFile, 6, 75);
    }

    [Fact]
    public void A_target_sign_without_a_number_is_an_invalid_target()
    {
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥很多" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.InvalidTarget);

        d.Path.Should().Be("$.indicators[0].target");
        At(d, SetFile, 6, 75);
    }

    [Theory]
    [InlineData("\"\".GetType()")]
    [InlineData("System.IO.File.ReadAllText(\"x\")")]
    [InlineData("a.GetType()")]
    [InlineData("Math.Pow(a, 2)")]
    [InlineData("new System.Net.WebClient()")]
    [InlineData("np(a)")]
    [InlineData("a => a")]
    [InlineData("iif(a > 0, a, b).GetType()")]
    [InlineData("1.GetType()")]
    [InlineData("Int32.MaxValue")]
    [InlineData("decimal.MaxValue")]
    public void An_expression_that_reaches_outside_the_sandbox_is_refused(string expression)
    {
        // Line 6: … "target": "≥2300" ends at 81, ", ", "compute" at 84–92, ': ', the value at col 95.
        var json = $$"""
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300", "compute": {{System.Text.Json.JsonSerializer.Serialize(expression)}} }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.InvalidExpression);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].compute");
        d.Arguments["expression"].Should().Be(expression);
        At(d, SetFile, 6, 95);
    }

    [Fact]
    public void A_plain_arithmetic_expression_is_accepted()
    {
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300", "compute": "Math.Max(0, hardship + enterprises) + iif(publicJobs > 0, publicJobs, 0)" }
              ]
            }
            """;

        PerfEvalJson.ReadIndicatorSet(json, SetFile).Diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_huge_number_is_an_invalid_value_not_an_exception()
    {
        // 1e400 is valid JSON but far beyond decimal (about 7.9e28). Line 6: "weight" at 84–91, the value at col 94.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300", "weight": 1e400 }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.InvalidValue);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].weight");
        d.Arguments["value"].Should().Be("1e400");
        At(d, SetFile, 6, 94);
    }

    [Fact]
    public void A_huge_actual_is_an_invalid_value_not_an_exception()
    {
        const string json = """
            {
              "indicatorSet": "demo-2025",
              "indicators": {
                "recipients": 1e400
              }
            }
            """;

        var d = Single(PerfEvalJson.ReadActuals(json, ActualsFile), DiagnosticCodes.InvalidValue);

        d.Path.Should().Be("$.indicators.recipients");
        At(d, ActualsFile, 4, 19);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public void An_empty_document_is_malformed_json(string json)
    {
        var set = PerfEvalJson.ReadIndicatorSet(json, SetFile);
        var actuals = PerfEvalJson.ReadActuals(json, ActualsFile);

        Single(set, DiagnosticCodes.MalformedJson).Severity.Should().Be(DiagnosticSeverity.Error);
        Single(actuals, DiagnosticCodes.MalformedJson).Severity.Should().Be(DiagnosticSeverity.Error);
        set.Diagnostics.Should().ContainSingle();
        set.Invoking(s => s.GetValueOrThrow()).Should().Throw<PerfEvalException>();
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_a_wrong_type()
    {
        var d = Single(PerfEvalJson.ReadIndicatorSet("[]", SetFile), DiagnosticCodes.WrongType);

        d.Path.Should().Be("$");
        At(d, SetFile, 1, 1);
    }

    [Fact]
    public void Json_nested_100_levels_deep_is_refused_with_a_diagnostic_not_an_exception()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var json = "{ \"id\": \"demo-2025\", \"name\": \"示例项目\", \"year\": 2025, \"indicators\": [], \"description\": " + deep + " }";

        var set = PerfEvalJson.ReadIndicatorSet(json, SetFile);
        var actuals = PerfEvalJson.ReadActuals(new string('[', 100) + new string(']', 100), ActualsFile);

        Single(set, DiagnosticCodes.MalformedJson).Location!.Line.Should().Be(1);
        Single(actuals, DiagnosticCodes.MalformedJson).Severity.Should().Be(DiagnosticSeverity.Error);
    }

    [Fact]
    public void Json_nested_100000_levels_deep_does_not_overflow_the_stack()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        var result = PerfEvalJson.ReadIndicatorSet(json, SetFile);

        Single(result, DiagnosticCodes.MalformedJson).Severity.Should().Be(DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_pathological_target_string_is_read_without_an_exception()
    {
        var target = "1" + new string(' ', 2000) + "a1";
        var json = $$"""
            { "id": "demo-2025", "name": "示例项目", "year": 2025, "indicators": [ { "id": "x", "name": "x", "level2": "quantity", "target": "{{target}}" } ] }
            """;
        LoadResult<IndicatorSet>? result = null;

        var read = () => result = PerfEvalJson.ReadIndicatorSet(json, SetFile);

        read.Should().NotThrow("nothing in PerfEvalJson throws on bad input");
        result!.Value!.Indicators.Single().Target.Comparison.Should().Be(Comparison.Qualitative, "text that is not a number, range or deadline is wording");
    }

    [Fact]
    public void The_29th_of_february_in_a_set_for_a_non_leap_year_is_an_invalid_target()
    {
        // Line 6: … "level2": "timeliness", ends at 64; "target" at 67–74; the value at col 77.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴发放", "level2": "timeliness", "target": "2月29日前" }
              ]
            }
            """;

        var d = Single(PerfEvalJson.ReadIndicatorSet(json, SetFile), DiagnosticCodes.InvalidTarget);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators[0].target");
        At(d, SetFile, 6, 77);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_unreadable_and_named_in_the_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), "perfeval-" + Guid.NewGuid().ToString("N"), PerfEvalJson.IndicatorSetFileName);

        var result = PerfEvalJson.ReadIndicatorSetFile(path);
        var d = Single(result, DiagnosticCodes.UnreadableFile);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$");
        At(d, path, 1, 1);
        result.Diagnostics.Should().ContainSingle();
    }

    [Fact]
    public void One_bad_indicator_fails_the_whole_set_rather_than_being_dropped()
    {
        // The second of three indicators has an unknown level2; a set of the other two must not come back.
        const string json = """
            {
              "id": "demo-2025",
              "name": "示例项目",
              "year": 2025,
              "indicators": [
                { "id": "recipients", "name": "补贴人数", "level2": "quantity", "target": "≥2300" },
                { "id": "effect", "name": "创业能力", "level2": "benefit", "target": "有效提升创业能力" },
                { "id": "satisfaction", "name": "满意度", "level2": "satisfaction", "target": "≥95%" }
              ]
            }
            """;

        var result = PerfEvalJson.ReadIndicatorSet(json, SetFile);

        result.Value.Should().BeNull();
        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().ContainSingle()
            .Which.Path.Should().Be("$.indicators[1].level2");
        result.Invoking(r => r.GetValueOrThrow()).Should().Throw<PerfEvalException>();
    }

    [Fact]
    public void One_bad_actual_fails_the_whole_actuals_document_rather_than_being_dropped()
    {
        const string json = """
            {
              "indicatorSet": "demo-2025",
              "budget": { "available": 100, "spent": 90 },
              "indicators": {
                "recipients": 2400,
                "effect": { "actual": "有所提升", "grade": "excellent" },
                "satisfaction": "96%"
              }
            }
            """;

        var result = PerfEvalJson.ReadActuals(json, ActualsFile);
        var d = Single(result, DiagnosticCodes.InvalidValue);

        d.Path.Should().Be("$.indicators.effect.grade");
        result.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).Should().ContainSingle();
    }

    [Fact]
    public void An_unknown_property_in_an_actual_is_reported_with_a_suggestion()
    {
        // Line 5: 4 spaces, "recipients" (5–16), ': ', { (19), a space, "acutal" at col 21.
        const string json = """
            {
              "indicatorSet": "demo-2025",
              "budget": { "available": 100, "spent": 90 },
              "indicators": {
                "recipients": { "acutal": 2400 }
              }
            }
            """;

        var d = Single(PerfEvalJson.ReadActuals(json, ActualsFile), DiagnosticCodes.UnknownProperty);

        d.Path.Should().Be("$.indicators.recipients.acutal");
        d.Arguments["suggestion"].Should().Contain("actual");
        At(d, ActualsFile, 5, 21);
    }

    // ---- evaluating actuals against the set ------------------------------------------------------------------

    [Fact]
    public void An_actual_for_an_indicator_the_set_does_not_have_is_reported_with_a_did_you_mean()
    {
        // Line 10: 4 spaces, "efect" (5–11), ':', a space, the value at col 14.
        const string json = """
            {
              "indicatorSet": "demo-2025",
              "budget": {
                "available": 100,
                "spent": 90,
                "sources": { "central": 60, "county": 40 }
              },
              "indicators": {
                "recipients": 2400,
                "efect": "有效提升创业能力",
                "satisfaction": "96%"
              }
            }
            """;

        var result = EvaluateActuals(json);
        var d = Single(result, DiagnosticCodes.UnknownIndicator);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicators.efect");
        d.Arguments["id"].Should().Be("efect");
        d.Arguments["set"].Should().Be("demo-2025");
        d.Arguments["suggestion"].Should().Contain("effect");
        d.Message.Should().Contain("effect").And.Contain("efect", "the message names the unknown id and suggests the known one");
        At(d, ActualsFile, 10, 14);
        result.HasErrors.Should().BeTrue();
        result.Findings.Should().Contain(f => f.Code == DiagnosticCodes.MissingActual && f.Arguments["id"] == "effect",
            "the actual meant for effect did not reach it");
    }

    [Fact]
    public void Actuals_written_for_another_set_are_reported()
    {
        // Line 2: two spaces, "indicatorSet" (3–16), ':', a space, the value at col 19.
        var json = GoodActuals.Replace("\"indicatorSet\": \"demo-2025\"", "\"indicatorSet\": \"demo-2024\"", StringComparison.Ordinal);

        var d = Single(EvaluateActuals(json), DiagnosticCodes.IndicatorSetMismatch);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.indicatorSet");
        d.Arguments["actual"].Should().Be("demo-2024");
        d.Arguments["expected"].Should().Be("demo-2025");
        At(d, ActualsFile, 2, 19);
    }

    [Fact]
    public void Sources_that_do_not_add_up_to_the_available_budget_are_reported()
    {
        // 60 + 30 = 90 ≠ 100. Line 4: 4 spaces, "available" (5–15), ':', a space, the value at col 18.
        var json = GoodActuals.Replace("\"county\": 40", "\"county\": 30", StringComparison.Ordinal);

        var d = Single(EvaluateActuals(json), DiagnosticCodes.SourcesTotalMismatch);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.budget.available");
        d.Arguments["sum"].Should().Be("90");
        d.Arguments["total"].Should().Be("100");
        At(d, ActualsFile, 4, 18);
    }

    [Fact]
    public void A_source_the_set_does_not_declare_is_reported()
    {
        // Line 6: 4 spaces, "sources" (5–13), ': ', { (16), "central": 60, (18–31), "city" (33–38), ': ', 40 at col 41.
        var json = GoodActuals.Replace("\"county\": 40", "\"city\": 40", StringComparison.Ordinal);

        var d = Single(EvaluateActuals(json), DiagnosticCodes.UnknownBudgetLine);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be("$.budget.sources.city");
        d.Arguments["id"].Should().Be("city");
        At(d, ActualsFile, 6, 41);
    }

    [Fact]
    public void A_text_actual_for_a_numeric_target_without_a_grade_or_score_asks_for_one()
    {
        // Line 9: 4 spaces, "recipients" (5–16), ': ', { (19), a space, "actual" (21–28), ': ', the value at col 31.
        var json = GoodActuals.Replace("\"recipients\": 2400", "\"recipients\": { \"actual\": \"很多\" }", StringComparison.Ordinal);

        var result = EvaluateActuals(json);
        var d = Single(result, DiagnosticCodes.WordsNeedGrade);

        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Arguments["id"].Should().Be("recipients");
        d.Path.Should().Be("$.indicators.recipients.actual");
        d.Arguments["actual"].Should().Be("很多");
        d.Arguments["target"].Should().Be("≥2300");
        At(d, ActualsFile, 9, 31);
        result.Indicators.Single(i => i.Id == "recipients").Score.Should().Be(0m);
    }

    [Fact]
    public void A_text_actual_written_without_an_object_is_reported_at_a_path_that_exists_in_the_document()
    {
        // "recipients": "很多" has no "actual" property, so the path is the indicator's own entry.
        // Line 9: 4 spaces, "recipients" (5–16), ':', a space, the value at col 19.
        var json = GoodActuals.Replace("\"recipients\": 2400", "\"recipients\": \"很多\"", StringComparison.Ordinal);

        var d = Single(EvaluateActuals(json), DiagnosticCodes.WordsNeedGrade);

        d.Path.Should().Be("$.indicators.recipients");
        At(d, ActualsFile, 9, 19);
    }

    [Fact]
    public void Actuals_for_a_set_built_in_code_report_paths_without_locations()
    {
        var set = LoadGoodSet();
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = "demo-2025",
            Budget = new BudgetActuals { Available = 100m, Spent = 90m },
            Indicators = [new IndicatorActual { Id = "recipents", Actual = ActualValue.FromNumber(2400m) }],
        };

        var d = Single(new Evaluator().Evaluate(set, actuals), DiagnosticCodes.UnknownIndicator);

        d.Path.Should().Be("$.indicators.recipents");
        d.Location.Should().BeNull("the actuals were not read from a file");
        d.Arguments["suggestion"].Should().Contain("recipients");
    }
}

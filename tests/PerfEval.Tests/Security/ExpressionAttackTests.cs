using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Security;

/// <summary>
/// Rule authors' expressions are code run by the evaluator, so a hostile indicator set must not reach any type,
/// method, file or process, nor allocate, loop or recurse without bound. Every attack below is refused when the
/// set is read, with PE1009 at the expression's JSON path, line and column, and the set yields no value, in each
/// of the three places expressions live: an indicator's <c>compute</c>, a reason rule's <c>when</c> and a
/// consistency rule's <c>expression</c>.
/// </summary>
public sealed class ExpressionAttackTests
{
    private const string Source = "attack.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The attacks, by label (the label names the test case; some expressions are too long for a name).</summary>
    private static readonly IReadOnlyDictionary<string, string> Attacks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Reflection.
        ["string GetType Assembly"] = "\"\".GetType().Assembly",
        ["value GetType"] = "actual.GetType()",
        ["typeof File"] = "typeof(System.IO.File)",
        ["GetType on a parenthesis"] = "(actual).GetType().Assembly",
        ["GetType on a Math call"] = "Math.Abs(actual).GetType()",

        // Types outside the list.
        ["File.ReadAllText"] = "System.IO.File.ReadAllText(\"/etc/passwd\")",
        ["File.Delete"] = "System.IO.File.Delete(\"indicators.json\") == null",
        ["Environment.Exit"] = "Environment.Exit(1)",
        ["Environment.GetEnvironmentVariable"] = "Environment.GetEnvironmentVariable(\"PATH\")",
        ["DateTime.Now"] = "DateTime.Now",
        ["Convert.ToInt32"] = "Convert.ToInt32(actual)",
        ["Activator"] = "Activator.CreateInstance(typeof(System.Text.StringBuilder))",
        ["AppDomain"] = "AppDomain.CurrentDomain.GetAssemblies()",
        ["Process.Start"] = "System.Diagnostics.Process.Start(\"sh\")",
        ["Type.GetType"] = "Type.GetType(\"System.IO.File\")",
        ["Thread.Sleep"] = "System.Threading.Thread.Sleep(100000)",
        ["GC.Collect"] = "GC.Collect()",

        // Methods of the values themselves.
        ["actual.ToString"] = "actual.ToString()",
        ["target.CompareTo"] = "target.CompareTo(1)",
        ["actual.Equals"] = "actual.Equals(target)",

        // Static members, of allowed types too.
        ["decimal.MaxValue"] = "decimal.MaxValue",
        ["int.MaxValue"] = "int.MaxValue",
        ["Math.PI"] = "Math.PI",
        ["Math.Pow"] = "Math.Pow(actual, 1000)",
        ["Math.Round"] = "Math.Round(actual)",
        ["Math without a member"] = "Math",
        ["Math.Min without a call"] = "Math.Min",
        ["Math.Min then a member"] = "Math.Min(actual, 1).ToString()",

        // Object creation.
        ["anonymous object"] = "new { }",
        ["new StringBuilder"] = "new System.Text.StringBuilder()",
        ["new array"] = "new[] { 1, 2 }",

        // Loops and allocations.
        ["Enumerable.Range Sum"] = "Enumerable.Range(0, 100000000).Sum()",
        ["PadLeft"] = "\"x\".PadLeft(100000000)",
        ["string.Concat"] = "string.Concat(\"a\", \"b\")",
        ["string.Join"] = "string.Join(\",\", Enumerable.Repeat(\"x\", 100000000))",

        // Lambdas and indexers.
        ["lambda"] = "x => x",
        ["lambda in a call"] = "Math.Max(x => x, 1)",
        ["indexer"] = "inputs[\"a\"]",
        ["number indexer"] = "actual[0]",

        // Dynamic LINQ's own keywords and operators.
        ["it"] = "it",
        ["it member"] = "it.GetType()",
        ["parent"] = "parent",
        ["root"] = "root",
        ["np"] = "np(actual)",
        ["as"] = "actual as object",
        ["is"] = "actual is decimal",
        ["null"] = "null",
        ["true"] = "true",
        ["new keyword alone"] = "new",
        ["iif used as a name"] = "iif",
        ["in"] = "actual in (1, 2)",
        ["null coalescing"] = "actual ?? target",
        ["null-conditional member"] = "actual?.Value",
        ["shift"] = "actual << 2",
        ["bitwise and"] = "actual & 1",
        ["bitwise or"] = "actual | 1",
        ["xor"] = "actual ^ 1",
        ["complement"] = "~actual",

        // Literals of other kinds.
        ["string literal"] = "\"abc\"",
        ["char literal"] = "'a'",
        ["verbatim string"] = "@\"abc\"",
        ["interpolated string"] = "$\"{actual}\"",
        ["exponent literal"] = "1e10",
        ["hexadecimal literal"] = "0x10",
        ["decimal suffix"] = "1.5m",
        ["number out of range"] = "79228162514264337593543950336",
        ["dangling decimal point"] = "1.",

        // Assignment, statements, comments.
        ["assignment"] = "actual = 1",
        ["compound assignment"] = "actual += 1",
        ["increment"] = "actual++",
        ["line comment"] = "actual // comment",
        ["block comment"] = "actual /* comment */",
        ["semicolon"] = "actual; actual",
        ["braces"] = "{ actual }",
        ["brackets"] = "[actual]",

        // Names that are not value names.
        ["upper-case name"] = "Actual",
        ["leading underscore"] = "_actual",
        ["literal parameter name"] = "__k0",
        ["keyword typeof"] = "typeof",
        ["keyword default"] = "default(decimal)",
        ["nameof"] = "nameof(actual)",

        // Unicode.
        ["Cyrillic M in Math"] = "Маth.Min(actual, 1)",
        ["Cyrillic first letter"] = "аctual",
        ["combining accent"] = "actual\u0301",
        ["zero-width space"] = "act\u200Bual",
        ["right-to-left override"] = "\u202Eactual",
        ["full-width iif"] = "ｉｉｆ(actual > 1, 1, 2)",
        ["Roman numeral letter"] = "ⅰ",
        ["NUL character"] = "actual\u0000",

        // Malformed.
        ["unbalanced open"] = "((actual)",
        ["unbalanced close"] = "actual)",
        ["dangling operator"] = "actual +",
        ["two values"] = "actual target",

        // Size.
        ["longer than 2000 characters"] = string.Join(" + ", Enumerable.Repeat("actual", 300)),
        ["5000 nested parentheses"] = new string('(', 5000) + "actual" + new string(')', 5000),
        ["1 MB of spaces"] = new string(' ', 1_000_000) + "actual",
    };

    public enum Place
    {
        Compute,
        When,
        Expression,
    }

    public static TheoryData<string, Place> Cases()
    {
        var data = new TheoryData<string, Place>();
        foreach (var label in Attacks.Keys)
        {
            foreach (var place in Enum.GetValues<Place>())
            {
                data.Add(label, place);
            }
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_25_attacks()
    {
        Attacks.Should().HaveCountGreaterThanOrEqualTo(25);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_attack_is_refused_with_PE1009_at_its_path_line_and_column(string attack, Place place)
    {
        var expression = Attacks[attack];
        var (json, path, line, column) = SetWith(place, expression);

        var result = PerfEvalJson.ReadIndicatorSet(json, Source);

        result.Value.Should().BeNull("a set with a refused expression yields no value");
        result.Succeeded.Should().BeFalse();
        var d = result.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.InvalidExpression, $"'{expression}' must be refused").Subject;
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Path.Should().Be(path);
        d.Location.Should().Be(new SourceLocation(Source, line, column));
        Quotes(d.Arguments["expression"], expression).Should().BeTrue($"the finding names the expression (a long one by its start), not '{d.Arguments["expression"]}'");
        d.Message.Should().NotBeNullOrWhiteSpace();
        result.Diagnostics.Should().OnlyContain(x => x.Code == DiagnosticCodes.InvalidExpression, "the rest of the set is sound");
    }

    [Fact]
    public void A_set_with_many_attacks_reports_each_one_where_it_stands()
    {
        // Every attack at once, as reason rules: one PE1009 per rule, each at its own path, and no value.
        var rules = Attacks.Values.Select((e, i) => new { id = $"r{i}", when = e, category = "other", text = "t" }).ToArray();
        var json = JsonSerializer.Serialize(new { id = "attack-2025", name = "攻击", year = 2025, indicators = Array.Empty<object>(), reasonRules = rules });

        var result = PerfEvalJson.ReadIndicatorSet(json, Source);

        result.Value.Should().BeNull();
        result.Diagnostics.Where(d => d.Code != DiagnosticCodes.EmptyIndicatorSet).Select(d => (d.Code, d.Path)).Should().BeEquivalentTo(
            rules.Select((_, i) => (DiagnosticCodes.InvalidExpression, $"$.reasonRules[{i}].when")));
    }

    [Theory]
    [InlineData(Place.Compute, "", DiagnosticCodes.InvalidExpression)]
    [InlineData(Place.Compute, "   ", DiagnosticCodes.InvalidExpression)]
    [InlineData(Place.When, "", DiagnosticCodes.InvalidValue)]
    [InlineData(Place.Expression, " \t ", DiagnosticCodes.InvalidValue)]
    public void An_empty_expression_is_refused(Place place, string expression, string code)
    {
        // An optional compute that is empty is not an expression (PE1009); a rule's required condition that is empty
        // is an empty required string (PE1005). Either way, at the expression, and no value.
        var (json, path, line, column) = SetWith(place, expression);

        var result = PerfEvalJson.ReadIndicatorSet(json, Source);

        result.Value.Should().BeNull();
        var d = result.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Path, d.Location).Should().Be((code, path, new SourceLocation(Source, line, column)));
    }

    /// <summary>
    /// Look-alike letters make a name that reads like a value the evaluator provides but is another name: a rule
    /// written with one never runs (its value is always missing), and the sandbox admits names that start with a
    /// lower-case ASCII letter or a Chinese character only.
    /// </summary>
    [Theory]
    [InlineData(Place.When, "аctual > 1", "Cyrillic а at the start")]
    [InlineData(Place.Expression, "аctual > 1", "Cyrillic а at the start")]
    [InlineData(Place.Compute, "hаrdship + 1", "Cyrillic а inside")]
    [InlineData(Place.When, "actuаl > 1", "Cyrillic а inside")]
    [InlineData(Place.Expression, "cοmpletionRate < 100", "Greek ο inside")]
    [InlineData(Place.Compute, "ｈardship + 1", "full-width h at the start")]
    [InlineData(Place.When, "ａctual > 1", "full-width a at the start")]
    [InlineData(Place.Expression, "Ａctual > 1", "full-width capital A at the start")]
    [InlineData(Place.When, "actual１ > 1", "full-width digit")]
    public void A_name_with_look_alike_letters_is_refused(Place place, string expression, string what)
    {
        var (json, path, line, column) = SetWith(place, expression);

        var result = PerfEvalJson.ReadIndicatorSet(json, Source);

        result.Value.Should().BeNull($"{what} must not pass for a value name");
        var d = result.Diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.InvalidExpression).Subject;
        (d.Path, d.Location).Should().Be((path, new SourceLocation(Source, line, column)));
        d.Arguments["expression"].Should().Be(expression);
    }

    /// <summary>
    /// Within the 2,000-character limit an expression can still nest hundreds of levels deep. Reading it must not
    /// overflow the stack (which no catch survives: the whole process dies). The check runs on a thread with a
    /// 1 MiB stack, the default of a Windows thread and of many hosts' workers, so that it does not depend on the
    /// test runner's threads. Either the set loads or the expression is refused with PE1009.
    /// </summary>
    [Theory]
    [InlineData("parentheses", 32)]
    [InlineData("parentheses", 5000)]
    [InlineData("unary minus", 100)]
    [InlineData("additions", 100)]
    [InlineData("Math.Abs", 20)]
    [InlineData("iif", 20)]
    [InlineData("parentheses", 999)]
    [InlineData("unary minus", 1999)]
    [InlineData("logical not", 1990)]
    [InlineData("additions", 1000)]
    [InlineData("Math.Abs", 199)]
    public void Deep_nesting_does_not_overflow_the_stack(string shape, int depth)
    {
        var expression = shape switch
        {
            "parentheses" => new string('(', depth) + "a" + new string(')', depth),
            "unary minus" => new string('-', depth) + "a",
            "logical not" => new string('!', depth) + "(a > 1)",
            "additions" => string.Join("+", Enumerable.Repeat("a", depth)),
            "Math.Abs" => string.Concat(Enumerable.Repeat("Math.Abs(", depth)) + "a" + new string(')', depth),
            "iif" => string.Concat(Enumerable.Repeat("iif(a > 1, ", depth)) + "a" + string.Concat(Enumerable.Repeat(", 2)", depth)),
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
        var place = shape == "logical not" ? Place.When : Place.Compute;
        var (json, path, _, _) = SetWith(place, expression);

        LoadResult<IndicatorSet>? result = null;
        Exception? escaped = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = PerfEvalJson.ReadIndicatorSet(json, Source);
                }
                catch (Exception e)
                {
                    escaped = e;
                }
            },
            maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join(TimeSpan.FromSeconds(30)).Should().BeTrue("reading must finish");

        escaped.Should().BeNull();
        result.Should().NotBeNull();
        Promises.OfLoad(result!).Should().BeEmpty();
        if (result!.Value is null)
        {
            result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.InvalidExpression && d.Path == path);
        }
        else
        {
            expression.Length.Should().BeLessThanOrEqualTo(2000, "longer expressions are refused");
        }
    }

    [Fact]
    public void A_set_full_of_long_distinct_expressions_is_read_within_seconds()
    {
        // 4,000 indicators, each with its own expression: the same 180 names, and a different number at the end.
        var names = string.Join(" + ", Enumerable.Range(0, 180).Select(j => $"v{j}"));
        var indicators = Enumerable.Range(0, 4000).Select(i => new { id = $"q{i}", name = "数量", level2 = "quantity", target = "≥10", weight = 0, compute = $"{names} + {i}" });
        var json = JsonSerializer.Serialize(new { id = "attack-2025", name = "攻击", year = 2025, indicators }, Indented);

        var (result, failure, elapsed) = Promises.Within(TimeSpan.FromSeconds(60), () => PerfEvalJson.ReadIndicatorSet(json, Source));

        failure.Should().BeNull();
        Promises.OfLoad(result!).Should().BeEmpty();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), $"a {json.Length / 1024} KiB set must be read, or refused, within seconds");
    }

    // ---- what is allowed still works -------------------------------------------------------------------------

    [Theory]
    [InlineData("Math.Min(a, b)", 3, 7, 3)]
    [InlineData("Math.Max(a, b)", 3, 7, 7)]
    [InlineData("Math.Abs(a - b)", 3, 7, 4)]
    [InlineData("Math.Floor(b / a)", 3, 7, 2)]
    [InlineData("Math.Ceiling(b / a)", 3, 7, 3)]
    [InlineData("iif(a > b, a, b)", 3, 7, 7)]
    [InlineData("a > b ? a : b - 1", 3, 7, 6)]
    [InlineData("a >= 3 && b <= 7 ? 1 : 0", 3, 7, 1)]
    [InlineData("a == 3 || b != 7 ? 1 : 0", 3, 7, 1)]
    [InlineData("!(a < b) ? 1 : 0", 3, 7, 0)]
    [InlineData("a % 2 + b * 2 - 1.5", 3, 7, 13.5)]
    [InlineData("(a + b) / 2", 3, 7, 5)]
    [InlineData("-a + 10", 3, 7, 7)]
    [InlineData("数量 + a", 3, 7, 103)]
    [InlineData("0.1 + 0.2", 3, 7, 0.3)]
    public void Allowed_compute_expressions_compile_and_give_exact_decimal_results(string expression, int a, int b, double expected)
    {
        var set = PerfEvalJson.ReadIndicatorSet(
            $$"""{ "id": "ok-2025", "name": "允许", "year": 2025, "indicators": [ { "id": "q1", "name": "数量", "level2": "quantity", "target": "≥1", "weight": 50, "compute": {{Quote(expression)}} } ] }""",
            Source);
        set.Diagnostics.Should().BeEmpty();
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = "ok-2025",
            Budget = new BudgetActuals { Available = 1m, Spent = 1m },
            Indicators = [new IndicatorActual { Id = "q1", Inputs = new Dictionary<string, decimal> { ["a"] = a, ["b"] = b, ["数量"] = 100m }.ToImmutableDictionary() }],
        };

        var result = new Evaluator().Evaluate(set.Value!, actuals);

        result.Findings.Should().NotContain(f => f.Code == DiagnosticCodes.ExpressionFailed);
        result.Indicators.Single().ActualNumber.Should().Be((decimal)expected);
    }

    [Fact]
    public void Two_thirds_is_decimal_division_not_whole_number_division()
    {
        var set = PerfEvalJson.ReadIndicatorSet(
            """{ "id": "ok-2025", "name": "允许", "year": 2025, "indicators": [ { "id": "q1", "name": "数量", "level2": "quantity", "target": "≥1", "weight": 50, "compute": "2 / 3" } ] }""",
            Source).GetValueOrThrow();
        var actuals = new ProgrammeActuals { IndicatorSet = "ok-2025", Indicators = [new IndicatorActual { Id = "q1" }] };

        var q1 = new Evaluator().Evaluate(set, actuals).Indicators.Single();

        q1.ActualNumber.Should().Be(2m / 3m).And.Be(0.6666666666666666666666666667m);
        q1.CompletionRate.Should().Be(66.67m);
    }

    [Fact]
    public void Allowed_rule_conditions_read_the_evaluations_values()
    {
        // recipients: 60 + 50 = 110 ≥ 100. Every rule below holds; the consistency rules' failures would be findings.
        var json = """
            {
              "id": "ok-2025", "name": "允许", "year": 2025,
              "indicators": [ { "id": "n", "name": "人数", "level2": "quantity", "target": "≥200", "weight": 50, "compute": "a + b" } ],
              "reasonRules": [
                { "id": "r1", "when": "pointsLost && !qualitative && completionRate < 100 && actual >= 0", "category": "other", "text": "{name}完成{completionRate}%" },
                { "id": "r2", "when": "iif(actual > target, 1, 0) == 0 && Math.Abs(actual - target) >= 90", "category": "management", "text": "差{gap}" }
              ],
              "consistencyRules": [
                { "id": "c1", "expression": "a + b == actual", "indicators": ["n"] },
                { "id": "c2", "expression": "Math.Max(a, b) <= actual && Math.Min(a, b) >= 0 && Math.Floor(actual / 3) == 36 && Math.Ceiling(actual / 3) == 37", "indicators": ["n"] },
                { "id": "c3", "scope": "budget", "expression": "spent <= available ? true == true : 1 > 2" }
              ]
            }
            """;
        var set = PerfEvalJson.ReadIndicatorSet(json, Source);

        // "true" is a reserved word: c3 is refused, the others are fine.
        set.Diagnostics.Should().ContainSingle().Which.Path.Should().Be("$.consistencyRules[2].expression");
        var sound = PerfEvalJson.ReadIndicatorSet(json.Replace("true == true", "1 == 1", StringComparison.Ordinal), Source).GetValueOrThrow();
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = "ok-2025",
            Budget = new BudgetActuals { Available = 100m, Spent = 90m },
            Indicators = [new IndicatorActual { Id = "n", Inputs = new Dictionary<string, decimal> { ["a"] = 60m, ["b"] = 50m }.ToImmutableDictionary() }],
        };

        var result = new Evaluator().Evaluate(sound, actuals);

        result.Findings.Should().NotContain(f => f.Severity == DiagnosticSeverity.Error || f.Code == DiagnosticCodes.RuleFailed);
        result.Indicators.Single().Deviation.Reasons.Select(r => r.RuleId).Should().Equal("r1", "r2");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /// <summary>Whether a finding's argument quotes <paramref name="expression"/>: whole, or its start followed by "…".</summary>
    private static bool Quotes(string quoted, string expression) =>
        quoted == expression || (quoted.Length > 1 && quoted.Length < expression.Length && quoted.EndsWith('…') && expression.StartsWith(quoted[..^1], StringComparison.Ordinal));

    private static string Quote(string s) => JsonSerializer.Serialize(s, Relaxed);

    /// <summary>
    /// A sound set with <paramref name="expression"/> in <paramref name="place"/>, alone on its line, and where
    /// PE1009 must point: the expression's path and the line and column of its opening quote.
    /// </summary>
    private static (string Json, string Path, int Line, int Column) SetWith(Place place, string expression)
    {
        var (prefix, path) = place switch
        {
            Place.Compute => ("      \"compute\": ", "$.indicators[0].compute"),
            Place.When => ("      \"when\": ", "$.reasonRules[0].when"),
            _ => ("      \"expression\": ", "$.consistencyRules[0].expression"),
        };
        var value = prefix + Quote(expression);
        var json = place switch
        {
            Place.Compute => $$"""
                {
                  "id": "attack-2025",
                  "name": "攻击测试",
                  "year": 2025,
                  "indicators": [
                    {
                      "id": "q1", "name": "数量", "level2": "quantity", "target": "≥10",
                {{value}}
                    }
                  ]
                }
                """,
            Place.When => $$"""
                {
                  "id": "attack-2025",
                  "name": "攻击测试",
                  "year": 2025,
                  "indicators": [ { "id": "q1", "name": "数量", "level2": "quantity", "target": "≥10" } ],
                  "reasonRules": [
                    {
                      "id": "r1", "category": "other", "text": "原因",
                {{value}}
                    }
                  ]
                }
                """,
            _ => $$"""
                {
                  "id": "attack-2025",
                  "name": "攻击测试",
                  "year": 2025,
                  "indicators": [ { "id": "q1", "name": "数量", "level2": "quantity", "target": "≥10" } ],
                  "consistencyRules": [
                    {
                      "id": "c1",
                {{value}}
                    }
                  ]
                }
                """,
        };
        var lines = json.Split('\n');
        var line = Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal)) + 1;
        return (json, path, line, prefix.Length + 1);
    }
}

using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Expressions;
using PerfEval.Loading;

namespace PerfEval.Tests.Languages;

/// <summary>
/// PE1009 for an expression that passes the sandbox but does not compile, in PerfEval's own words in each language: the
/// kind of its result, where it stops and what stands there; the expression parser's English sentence is kept only as
/// the argument <c>parserDetail</c>. Positions count characters of the expression as written, from 1.
/// </summary>
public sealed class ExpressionReasonTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>An indicator's <c>compute</c> (a number) or a reason rule's <c>when</c> (a condition); the reason in English, then in Chinese.</summary>
    public static TheoryData<string, bool, string, string> Failures() => new()
    {
        { "a > b", false, "it gives true or false, where a number is needed", "其结果是真或假，而此处需要数值" },
        { "completionRate", true, "it gives a number, where a condition must give true or false (compare the number, with < or >= for instance)", "其结果是数值，而条件须得出真或假（例如用 < 或 >= 对数值作比较）" },
        { "a +", false, "it ends before it is complete", "表达式在末尾处不完整" },
        { "a > 1 ? 2", false, "it ends before it is complete", "表达式在末尾处不完整" },
        { "a b", false, "'b' at character 3 is not expected there", "第 3 个字符处不应出现“b”" },
        { "a + 1.5 b", false, "'b' at character 9 is not expected there", "第 9 个字符处不应出现“b”" },
        { "a >< b", false, "'<' at character 4 is not expected there", "第 4 个字符处不应出现“<”" },
        { "2 * (1 > a)", false, "the operator '*' at character 3 does not fit its operands: it takes numbers", "第 3 个字符处的运算符“*”与其运算对象不符：它只用于数值" },
        { "a > 1 ! b > 2", true, "'!' at character 7 is not expected there", "第 7 个字符处不应出现“!”" },
        { "!score", true, "the operator '!' at character 1 does not fit its operands: it takes true or false values", "第 1 个字符处的运算符“!”与其运算对象不符：它只用于真或假" },
        { "score == met", true, "the operator '==' at character 7 does not fit its operands: it compares two numbers or two true-or-false values", "第 7 个字符处的运算符“==”与其运算对象不符：它比较两个数值或两个真假值" },
        { "Math.Min(a)", false, "Math.Min at character 6 is not given what it takes: Min and Max take two numbers, Abs, Floor and Ceiling one", "第 6 个字符处的 Math.Min 参数不对：Min 和 Max 需要两个数值，Abs、Floor 和 Ceiling 需要一个数值" },
        { "iif(a, 1, 2)", false, "the choice at character 1 needs a condition that gives true or false and two results of the same kind: iif(condition, result if true, result if false), or condition ? result if true : result if false", "第 1 个字符处的选择需要一个得出真或假的条件和两个同类的结果：iif(条件, 条件为真时的结果, 条件为假时的结果)，或 条件 ? 条件为真时的结果 : 条件为假时的结果" },
        { "a ?? b", false, "it does not compile", "无法编译" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void An_expression_that_does_not_compile_is_explained_in_perfevals_words_in_both_languages(string expression, bool condition, string english, string chinese)
    {
        var d = Refused(expression, condition);
        var zh = MessageCatalog.Default.Render(d, Zh);
        var en = MessageCatalog.Default.Render(d, En);

        en.Should().Be($"The expression '{expression}' is not allowed: {english}");
        zh.Should().Be($"表达式“{expression}”不被允许：{chinese}");
        var cited = d.Texts["reason"].Arguments.Select(a => a.Value).OfType<string>().Append(expression);
        LanguageCheck.EnglishIn(LanguageCheck.WithoutData(zh, cited)).Should().BeEmpty();
        d.Arguments["parserDetail"].Should().NotBeEmpty("the parser's sentence is kept for machines");
        zh.Should().NotContain(d.Arguments["parserDetail"]);
        en.Should().NotContain(d.Arguments["parserDetail"]);
    }

    [Fact]
    public void An_expression_the_sandbox_refuses_has_no_parser_sentence()
    {
        var d = Refused("Math.Pow(a, 2)", condition: false);

        d.Arguments.Should().NotContainKey("parserDetail");
        d.Arguments["reason"].Should().Be("'Math.Pow' is not allowed; use Math.Min, Math.Max, Math.Abs, Math.Floor or Math.Ceiling");
    }

    [Fact]
    public void A_value_of_the_wrong_kind_at_evaluation_is_explained_in_both_languages()
    {
        CompiledExpression<decimal>.TryCompile("a + 1", static _ => typeof(decimal), out var compiled, out _, out _).Should().BeTrue();

        compiled!.TryEvaluate(_ => true, out _, out var error, out _).Should().BeFalse();

        MessageCatalog.Default.Text(error!, En).Should().Be("a value it reads is not of the kind it needs (a number, or true or false)");
        MessageCatalog.Default.Text(error!, Zh).Should().Be("所读取的值类型不符（应为数值或真假值）");
    }

    private static Diagnostic Refused(string expression, bool condition)
    {
        var text = JsonSerializer.Serialize(expression);
        var json = condition
            ? $$"""{ "id": "s", "name": "n", "year": 2025, "indicators": [ { "id": "i", "name": "甲", "level2": "quantity", "target": "≥100" } ], "reasonRules": [ { "id": "r", "when": {{text}}, "category": "data", "text": "x" } ] }"""
            : $$"""{ "id": "s", "name": "n", "year": 2025, "indicators": [ { "id": "i", "name": "甲", "level2": "quantity", "target": "≥100", "compute": {{text}} } ] }""";
        return PerfEvalJson.ReadIndicatorSet(json, "indicators.json").Diagnostics
            .Should().ContainSingle(d => d.Code == DiagnosticCodes.InvalidExpression).Which;
    }
}

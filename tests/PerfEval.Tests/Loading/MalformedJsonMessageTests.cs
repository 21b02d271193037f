using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.Tests.Languages;

namespace PerfEval.Tests.Loading;

/// <summary>
/// PE1001 in PerfEval's own words: each kind of JSON that cannot be read is explained in the language of the message,
/// the reader's English sentence is kept only as the argument <c>parserDetail</c>, and every reader gives the same
/// line and character column.
/// </summary>
public sealed partial class MalformedJsonMessageTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The ASCII words a Chinese PE1001 may hold besides what it cites: the format, the encoding, JSON's bare words.</summary>
    private static readonly HashSet<string> AsciiWordsAllowed = new(StringComparer.Ordinal) { "JSON", "UTF", "true", "false", "null" };

    /// <summary>The document; whether it is read as a stored result (no comments, no trailing commas); the reason in English, then in Chinese.</summary>
    public static TheoryData<string, bool, string, string> Failures() => new()
    {
        { "", false, "the file is empty", "文件为空" },
        { """{ "id": "s", "name": "n" """, false, "the text ends before the document does: a value, a '}' or a ']' is missing", "文本在文档结束之前就结束了：缺少值、“}”或“]”" },
        { """{ "id": "s", "year": 2025，"name": "n" }""", false, "the character '，' is not expected here", "此处不应出现字符“，”" },
        { "]", false, "the character ']' is not expected here", "此处不应出现字符“]”" },
        { "{ \"id\":\u3000\"s\" }", false, "the character 'U+3000' is not expected here", "此处不应出现字符“U+3000”" },
        { """{ "id": "s" "name": "n" }""", false, "a ',' is missing before this value", "此值之前缺少逗号“,”" },
        { """{ "id" "s" }""", false, "a ':' is missing after the property name", "属性名之后缺少冒号“:”" },
        { """{ "name": "就业补助资金项目", x }""", false, "'x' is not in double quotes: names and texts are quoted, and the only bare words are true, false and null", "“x”没有加双引号：名称和文字都须加双引号，不加引号的只有 true、false 和 null" },
        { """{ "unit": 人次 }""", false, "'人次' is not in double quotes: names and texts are quoted, and the only bare words are true, false and null", "“人次”没有加双引号：名称和文字都须加双引号，不加引号的只有 true、false 和 null" },
        { "{ \"id\": \"s,\n  \"name\": \"n\" }", false, "a string is not closed: its closing '\"' is missing before the end of the line", "字符串没有结束：行尾之前缺少右引号“\"”" },
        { "{ \"id\": \"a\tb\" }", false, "a string holds the control character U+0009, which must be escaped with a backslash", "字符串中含有控制字符 U+0009，须用反斜杠转义" },
        { """{ "file": "C:\Users" }""", false, "a backslash in a string does not start a valid escape (a backslash itself is written '\\\\')", "字符串中的反斜杠之后不是有效的转义（反斜杠本身须写作“\\\\”）" },
        { """{ "year": 02025 }""", false, "a number is not written as JSON writes numbers (such as 12, 0.5 or -3, without leading zeros)", "数字的写法不符合 JSON（应如 12、0.5 或 -3，不带前导零）" },
        { """{ "id": "s" } }""", false, "there is more after the end of the document", "文档结束后还有内容" },
        { """{ "id": "s" /* note""", false, "a comment that starts with '/*' is not closed", "以“/*”开始的注释没有结束" },
        { "/* note", false, "a comment that starts with '/*' is not closed", "以“/*”开始的注释没有结束" },
        { "{ \"id\": \"s\" }\n/* note", false, "a comment that starts with '/*' is not closed", "以“/*”开始的注释没有结束" },
        { """{ "a": falsey }""", false, "'falsey' is not in double quotes: names and texts are quoted, and the only bare words are true, false and null", "“falsey”没有加双引号：名称和文字都须加双引号，不加引号的只有 true、false 和 null" },
        { """{ "a": null无 }""", false, "'null无' is not in double quotes: names and texts are quoted, and the only bare words are true, false and null", "“null无”没有加双引号：名称和文字都须加双引号，不加引号的只有 true、false 和 null" },
        { "{ \"a\": " + new string('[', 40) + new string(']', 40) + " }", false, "objects and arrays are nested more than 32 deep", "对象和数组的嵌套超过 32 层" },
        { """{ "a": [1, 2,] }""", true, "a comma stands before the closing bracket", "右括号之前多了一个逗号" },
        { "{ \"a\": 1 // note\n}", true, "comments are not allowed in this document", "此文档中不允许注释" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_kind_of_malformed_json_is_explained_in_perfevals_words_in_both_languages(string json, bool asResult, string english, string chinese)
    {
        var d = Malformed(json, asResult);

        MessageCatalog.Default.Render(d, En).Should().Be("The file is not valid JSON: " + english);
        MessageCatalog.Default.Render(d, Zh).Should().Be("文件不是有效的 JSON：" + chinese);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_chinese_pe1001_holds_no_ascii_letters_but_what_it_cites_and_keeps_the_parsers_sentence_out_of_every_message(string json, bool asResult, string english, string chinese)
    {
        _ = (english, chinese);
        var d = Malformed(json, asResult);
        var zh = MessageCatalog.Default.Render(d, Zh);
        var cited = d.Texts["detail"].Arguments.Select(a => (string)a.Value);

        AsciiWords().Matches(LanguageCheck.WithoutData(zh, cited)).Select(m => m.Value).Should().BeSubsetOf(AsciiWordsAllowed, $"“{zh}” is Chinese");
        if (d.Arguments.TryGetValue("parserDetail", out var parser))
        {
            parser.Should().NotBeEmpty();
            zh.Should().NotContain(parser);
            MessageCatalog.Default.Render(d, En).Should().NotContain(parser);
        }
    }

    [Fact]
    public void The_reader_sentence_is_kept_for_machines_and_the_detail_argument_holds_perfevals_reason_in_english()
    {
        var d = Malformed("]", asResult: false);

        d.Arguments["parserDetail"].Should().Be("']' is an invalid start of a value.");
        d.Arguments["detail"].Should().Be("the character ']' is not expected here");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_named_as_such_outside_and_inside_a_string()
    {
        // 人次 in GBK, the encoding a Chinese spreadsheet often saves in: once as a bare value, once in quotes.
        byte[] gbk = [0xC8, 0xCB, 0xB4, 0xCE];
        byte[] bare = [.. "{ \"unit\": "u8, .. gbk, .. " }"u8];
        byte[] quoted = [.. "{ \"unit\": \""u8, .. gbk, .. "\" }"u8];

        var outside = Malformed(bare);
        var inside = Malformed(quoted);

        MessageCatalog.Default.Render(outside, En).Should().Be("The file is not valid JSON: the bytes here are not UTF-8 text; save the file as UTF-8");
        MessageCatalog.Default.Render(outside, Zh).Should().Be("文件不是有效的 JSON：此处的字节不是 UTF-8 文本，请将文件保存为 UTF-8 编码");
        outside.Location!.Column.Should().Be(11);
        MessageCatalog.Default.Render(inside, En).Should().Be("The file is not valid JSON: a string is not valid UTF-8 text");
        MessageCatalog.Default.Render(inside, Zh).Should().Be("文件不是有效的 JSON：字符串不是有效的 UTF-8 文本");
    }

    [Theory]
    [InlineData("""{"name": "就业补助资金项目", x}""", 1, 22)]
    [InlineData("{\n  \"name\": \"就业补助资金项目\", \"year\": 2025 x\n}", 2, 36)]
    [InlineData("{\n  \"备注\": \"第一行\" \"第二行\"\n}", 2, 15)]
    public void A_stored_result_reports_the_same_character_column_as_the_indicator_set_reader(string json, int line, int column)
    {
        var fromResult = Malformed(json, asResult: true);
        var fromSet = Malformed(json, asResult: false);

        fromResult.Location!.Line.Should().Be(line);
        fromResult.Location.Column.Should().Be(column, "columns count characters, not UTF-8 bytes");
        (fromSet.Location!.Line, fromSet.Location.Column).Should().Be((line, column));
        fromResult.Path.Should().Be("$");
    }

    private static Diagnostic Malformed(string json, bool asResult) =>
        (asResult ? ResultJson.Read(json).Diagnostics : PerfEvalJson.ReadIndicatorSet(json, "indicators.json").Diagnostics)
            .Should().ContainSingle(d => d.Code == DiagnosticCodes.MalformedJson).Which;

    private static Diagnostic Malformed(byte[] utf8) =>
        PerfEvalJson.ReadIndicatorSet(new MemoryStream(utf8), "indicators.json").Diagnostics
            .Should().ContainSingle(d => d.Code == DiagnosticCodes.MalformedJson).Which;

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex AsciiWords();
}

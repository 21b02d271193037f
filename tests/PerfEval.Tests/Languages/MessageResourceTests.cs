using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Indicators;

namespace PerfEval.Tests.Languages;

/// <summary>
/// The message resources (<c>src/PerfEval/Diagnostics/Messages/messages.{en,zh}.json</c>): every code described once,
/// every code and every word in both languages with the same placeholders, and each text in one language.
/// </summary>
public sealed partial class MessageResourceTests
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly Lazy<ImmutableDictionary<string, ImmutableDictionary<string, string>>> Files = new(ReadFiles);

    private static ImmutableDictionary<string, string> English => Files.Value["en"];

    private static ImmutableDictionary<string, string> Chinese => Files.Value["zh"];

    public static TheoryData<string> AllKeys() => [.. English.Keys.Union(Chinese.Keys).Order(StringComparer.Ordinal)];

    public static TheoryData<string> AllCodes() => [.. DiagnosticDescriptor.All.Select(d => d.Code)];

    [Fact]
    public void Every_code_constant_has_exactly_one_descriptor_and_every_descriptor_a_constant()
    {
        var constants = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        constants.Should().OnlyHaveUniqueItems();
        DiagnosticDescriptor.All.Select(d => d.Code).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(constants);
        DiagnosticDescriptor.All.Select(d => d.Code).Should().BeInAscendingOrder(StringComparer.Ordinal);
        DiagnosticDescriptor.Find(DiagnosticCodes.MissingActual)!.DefaultSeverity.Should().Be(DiagnosticSeverity.Warning);
        DiagnosticDescriptor.Find("ZL001").Should().BeNull("a rule's own code is not PerfEval's");
    }

    [Fact]
    public void The_descriptors_default_severities_are_those_the_diagnostics_page_documents()
    {
        var page = File.ReadAllText(Path.Combine(PerfEval.Testing.Repository.Root(), "docs", "diagnostics.md"));
        var documented = CodeRow().Matches(page).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

        foreach (var d in DiagnosticDescriptor.All)
        {
            documented.Should().ContainKey(d.Code);
            var expected = d.Code == DiagnosticCodes.ConsistencyRuleFailed ? "the rule" : d.DefaultSeverity.ToString().ToLowerInvariant();
            documented[d.Code].Should().StartWith(expected, d.Code);
        }
    }

    [Fact]
    public void Both_languages_have_the_same_keys_and_every_code_has_a_template_in_each()
    {
        Files.Value.Keys.Should().BeEquivalentTo(["en", "zh"], "there is one resource file per language");
        Chinese.Keys.Should().BeEquivalentTo(English.Keys);
        foreach (var d in DiagnosticDescriptor.All)
        {
            English.Should().ContainKey(d.MessageKey);
            Chinese.Should().ContainKey(d.MessageKey);
        }
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void A_key_has_the_same_placeholders_in_both_languages(string key)
    {
        Placeholders(Chinese[key]).Should().BeEquivalentTo(Placeholders(English[key]), $"'{key}' cites the same values in both languages");
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void A_chinese_text_holds_no_english_words_but_codes_identifiers_and_units(string key)
    {
        LanguageCheck.EnglishIn(Chinese[key]).Should().BeEmpty($"'{key}' in Chinese is “{Chinese[key]}”");
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void An_english_text_holds_no_chinese_but_quoted_notations(string key)
    {
        LanguageCheck.ChineseIn(English[key]).Should().BeEmpty($"'{key}' in English is '{English[key]}'");
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Every_code_renders_in_both_languages_from_the_default_catalogue(string code)
    {
        var arguments = Placeholders(English[code]).ToDictionary(p => p, p => "⟨" + p + "⟩");

        var en = MessageCatalog.Default.Format(code, arguments, En);
        var zh = MessageCatalog.Default.Format(code, arguments, Zh);

        en.Should().Be(Fill(English[code], arguments));
        zh.Should().Be(Fill(Chinese[code], arguments));
        en.Should().NotBe(zh);
        LanguageCheck.EnglishIn(LanguageCheck.WithoutData(zh, arguments.Values)).Should().BeEmpty();
        LanguageCheck.ChineseIn(LanguageCheck.WithoutData(en, arguments.Values)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllKeys))]
    public void Every_word_and_reason_renders_in_both_languages(string key)
    {
        var arguments = Placeholders(English[key]).Select(p => (p, (object?)("⟨" + p + "⟩"))).ToArray();
        var text = MessageText.Of(key, arguments);

        MessageCatalog.Default.Text(text, En).Should().Be(Fill(English[key], arguments.ToDictionary(a => a.p, a => (string)a.Item2!)));
        MessageCatalog.Default.Text(text, Zh).Should().Be(Fill(Chinese[key], arguments.ToDictionary(a => a.p, a => (string)a.Item2!)));
    }

    [Fact]
    public void The_level_names_of_the_messages_are_those_of_the_indicator_levels()
    {
        foreach (var level in Enum.GetValues<PerfEval.Indicators.Level1>())
        {
            MessageCatalog.Default.Text(IndicatorLevels.Text(level), En).Should().Be(PerfEval.Indicators.IndicatorLevels.Name(level, chinese: false));
            MessageCatalog.Default.Text(IndicatorLevels.Text(level), Zh).Should().Be(PerfEval.Indicators.IndicatorLevels.Name(level, chinese: true));
        }

        foreach (var level in Enum.GetValues<PerfEval.Indicators.Level2>())
        {
            MessageCatalog.Default.Text(IndicatorLevels.Text(level), En).Should().Be(PerfEval.Indicators.IndicatorLevels.Name(level, chinese: false));
            MessageCatalog.Default.Text(IndicatorLevels.Text(level), Zh).Should().Be(PerfEval.Indicators.IndicatorLevels.Name(level, chinese: true));
        }
    }

    [Fact]
    public void The_resource_files_in_the_repository_are_the_ones_embedded_in_the_assembly()
    {
        var folder = Path.Combine(PerfEval.Testing.Repository.Root(), "src", "PerfEval", "Diagnostics", "Messages");

        Directory.GetFiles(folder, "messages.*.json").Select(Path.GetFileName).Should().BeEquivalentTo(["messages.en.json", "messages.zh.json"]);
        Parse(File.ReadAllText(Path.Combine(folder, "messages.en.json"))).Should().BeEquivalentTo(English);
        Parse(File.ReadAllText(Path.Combine(folder, "messages.zh.json"))).Should().BeEquivalentTo(Chinese);
    }

    [Fact]
    public void A_list_is_joined_in_the_way_of_its_language()
    {
        var list = MessageText.List([MessageText.Of("trigger.pointsLost"), "培训人数", MessageText.Of("trigger.overAchievement")]);

        MessageCatalog.Default.Text(list, En).Should().Be("points lost, 培训人数, over-achievement to review");
        MessageCatalog.Default.Text(list, Zh).Should().Be("失分、培训人数、超额完成需复核");
    }

    [Fact]
    public void A_host_can_translate_a_word_for_a_language_of_its_own()
    {
        var catalog = MessageCatalog.Default
            .WithTemplate(DiagnosticCodes.UnknownBudgetLine, "zh-Hant", "指標集未定義{kind}「{id}」。")
            .WithTemplate("word.source", "zh-Hant", "資金來源");
        var diagnostic = new DiagnosticBag(catalog, CultureInfo.GetCultureInfo("en"));
        diagnostic.Add(DiagnosticCodes.UnknownBudgetLine, DiagnosticSeverity.Error, "$.budget.sources.x", null, ("kind", MessageText.Of("word.source")), ("id", "x"));
        var d = diagnostic.ToImmutable().Single();

        d.Message.Should().Be("The indicator set declares no source 'x'.");
        catalog.Render(d, CultureInfo.GetCultureInfo("zh-Hant-TW")).Should().Be("指標集未定義資金來源「x」。");
        catalog.Render(d, CultureInfo.GetCultureInfo("zh-CN")).Should().Be("指标集未定义资金来源“x”。");
    }

    private static ImmutableDictionary<string, ImmutableDictionary<string, string>> ReadFiles()
    {
        const string prefix = "PerfEval.Diagnostics.Messages.messages.";
        var assembly = typeof(MessageCatalog).Assembly;
        var files = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            files[name[prefix.Length..^".json".Length]] = Parse(reader.ReadToEnd());
        }

        return files.ToImmutable();
    }

    private static ImmutableDictionary<string, string> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.ToImmutableDictionary();

    private static ImmutableHashSet<string> Placeholders(string template) =>
        [.. PlaceholderName().Matches(template).Select(m => m.Groups[1].Value)];

    private static string Fill(string template, Dictionary<string, string> arguments) =>
        PlaceholderName().Replace(template, m => arguments[m.Groups[1].Value]);

    [GeneratedRegex(@"\{([A-Za-z0-9]+)\}")]
    private static partial Regex PlaceholderName();

    [GeneratedRegex(@"^\| (PE\d{4}) \| `\w+` \| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();
}

using System.Globalization;
using FluentAssertions;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Tests.Embedding;

/// <summary>Each call chooses its language; the thread's UI culture does not leak into it.</summary>
public sealed class PerCallCultureTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    // An overspent programme (findings from evaluating), and a set with an undeclared property (findings from reading).
    private const string Set = """{ "id": "o", "name": "超支", "year": 2025, "indicators": [ { "id": "n", "name": "人数", "level2": "quantity", "target": "10", "unit": "人", "weight": 90 } ] }""";
    private const string SetWithTypo = """{ "id": "o", "name": "超支", "year": 2025, "nmae": 1, "indicators": [] }""";
    private const string Actuals = """{ "indicatorSet": "o", "budget": { "available": 100, "spent": 150 }, "indicators": { "n": 7 } }""";

    [Fact]
    public async Task Concurrent_chinese_and_english_evaluations_each_get_their_own_language_whatever_the_threads_culture()
    {
        var evaluator = new Evaluator();
        var programme = new Programme(PerfEvalJson.ReadIndicatorSet(Set).GetValueOrThrow(), PerfEvalJson.ReadActuals(Actuals).GetValueOrThrow());
        var typo = PerfEvalJson.ReadIndicatorSet(SetWithTypo);
        var expectedZh = Messages(evaluator.EvaluateIn(programme, Zh), typo.InCulture(Zh));
        var expectedEn = Messages(evaluator.EvaluateIn(programme, En), typo.InCulture(En));
        expectedZh.Should().NotEqual(expectedEn);

        var calls = Enumerable.Range(0, 200).Select(i => Task.Run(() =>
        {
            // The ambient culture is the other language (or neither): it must not matter.
            CultureInfo.CurrentUICulture = i % 3 == 0 ? CultureInfo.InvariantCulture : i % 2 == 0 ? Zh : En;
            var culture = i % 2 == 0 ? En : Zh;
            var read = PerfEvalJson.ReadIndicatorSet(SetWithTypo).InCulture(culture);
            return (culture, messages: Messages(evaluator.EvaluateIn(programme, culture), read));
        }));

        foreach (var (culture, messages) in await Task.WhenAll(calls))
        {
            messages.Should().Equal(culture == Zh ? expectedZh : expectedEn);
        }
    }

    [Fact]
    public void The_evaluators_culture_is_the_default_and_a_call_that_names_one_overrides_it()
    {
        var evaluator = new Evaluator(new PerfEvalOptions { Culture = En });
        var programme = new Programme(PerfEvalJson.ReadIndicatorSet(Set).GetValueOrThrow(), PerfEvalJson.ReadActuals(Actuals).GetValueOrThrow());

        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Zh;
        try
        {
            evaluator.Evaluate(programme).Findings.Select(f => f.Message).Should().Equal(evaluator.EvaluateIn(programme, En).Findings.Select(f => f.Message));
            evaluator.EvaluateIn(programme, Zh).Findings.Select(f => f.Message).Should().NotEqual(evaluator.EvaluateIn(programme, En).Findings.Select(f => f.Message));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_table_takes_its_language_from_its_options_not_the_threads_culture()
    {
        var programme = new Programme(PerfEvalJson.ReadIndicatorSet(Set).GetValueOrThrow(), PerfEvalJson.ReadActuals(Actuals).GetValueOrThrow());
        var result = new Evaluator().EvaluateIn(programme, Zh);
        var previous = CultureInfo.CurrentUICulture;
        string english;
        CultureInfo.CurrentUICulture = Zh;
        try
        {
            english = TableWriters.ToMarkdown(SelfEvaluationTable.From(result, new TableOptions { Chinese = false }));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        english.Should().Contain("performance self-evaluation").And.NotContain("项目支出绩效自评表");
    }

    private static List<string> Messages(EvaluationResult result, LoadResult<PerfEval.Indicators.IndicatorSet> read) =>
        [.. read.Diagnostics.Select(d => d.Message), .. result.Findings.Select(f => f.Message)];
}

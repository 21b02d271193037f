using System.Globalization;
using FluentAssertions;
using PerfEval.DependencyInjection;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Tests.Rules;

/// <summary>
/// A small programme for the rule tests, written as JSON so that rules, paths and locations are those of files.
/// Weights: budget 10, trainees 50, jobs 30, satisfaction 10 = 100.
/// </summary>
internal static class RuleTestData
{
    public const string SetId = "rules-2025";

    /// <summary>The indicator set, with <paramref name="rules"/> (JSON properties such as <c>"reasonRules": […]</c>) appended.</summary>
    public static string SetJson(string rules = "") => $$"""
        {
          "id": "{{SetId}}",
          "name": "规则测试项目",
          "year": 2025,
          "budget": {
            "unit": "万元",
            "sources": [ { "id": "central", "name": "中央财政资金" }, { "id": "county", "name": "旗县财政资金" } ]
          },
          "indicators": [
            { "id": "trainees", "name": "培训人数", "level2": "quantity", "target": "≥300", "unit": "人", "weight": 50 },
            { "id": "jobs", "name": "新增就业人数", "level2": "economic", "target": "≥100", "unit": "人", "weight": 30 },
            { "id": "satisfaction", "name": "满意度", "level2": "satisfaction", "target": "≥90%", "weight": 10 }
          ]{{(rules.Length == 0 ? string.Empty : ",\n" + rules)}}
        }
        """;

    /// <summary>The trainees' default actual: 200 of 300 (66.67 %, 50 × 2 / 3 = 33.33 points), 180 of them signed in.</summary>
    public const string DefaultTrainees = """{ "actual": 200, "inputs": { "signedIn": 180 } }""";

    /// <summary>
    /// The actuals: budget 95 of 100 (central 60, county 40) unless <paramref name="spent"/> says otherwise; jobs 100 of 100;
    /// satisfaction 95 % of 90 % (105.56 %).
    /// </summary>
    public static string ActualsJson(string trainees = DefaultTrainees, string jobs = "100", decimal spent = 95m, string budgetExtra = "") => $$"""
        {
          "indicatorSet": "{{SetId}}",
          "budget": {
            "available": 100,
            "spent": {{spent.ToString(CultureInfo.InvariantCulture)}},
            "sources": { "central": 60, "county": 40 }{{budgetExtra}}
          },
          "indicators": {
            "trainees": {{trainees}},
            "jobs": {{jobs}},
            "satisfaction": "95%"
          }
        }
        """;

    public static IndicatorSet ReadSet(string json)
    {
        var read = PerfEvalJson.ReadIndicatorSet(json);
        read.Diagnostics.Should().BeEmpty();
        return read.Value!;
    }

    public static EvaluationResult Evaluate(string rules = "", string? actuals = null, PerfEvalOptions? options = null)
    {
        var set = ReadSet(SetJson(rules));
        var read = PerfEvalJson.ReadActuals(actuals ?? ActualsJson());
        read.Diagnostics.Should().BeEmpty();
        return new Evaluator(options ?? new PerfEvalOptions()).Evaluate(set, read.Value!);
    }

    /// <summary>Runs <paramref name="action"/> with <see cref="CultureInfo.CurrentUICulture"/> set to <paramref name="culture"/>, then restores it.</summary>
    public static T InCulture<T>(string culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    public static IndicatorResult Indicator(this EvaluationResult result, string id) => result.Indicators.Single(i => i.Id == id);
}

using System.Globalization;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Scoring;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// An indicator set and its actuals read from JSON text as the files <c>indicators.json</c> and <c>actuals.json</c>,
/// evaluated with findings in English; and the line a text stands on in such a file, to check where a finding points.
/// </summary>
internal static class EvaluationFiles
{
    public const string SetFile = "indicators.json";

    public const string ActualsFile = "actuals.json";

    /// <summary>Reads both files and evaluates them under <paramref name="policy"/> (mof-2020 when null).</summary>
    public static EvaluationResult Evaluate(string set, string actuals, ScoringPolicy? policy = null)
    {
        var s = PerfEvalJson.ReadIndicatorSet(set, SetFile).GetValueOrThrow();
        var a = PerfEvalJson.ReadActuals(actuals, ActualsFile).GetValueOrThrow();
        return new Evaluator(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("en"), Policy = policy ?? ScoringPolicy.Mof2020 }).Evaluate(s, a);
    }

    /// <summary>The line (from 1) on which <paramref name="text"/> first stands in <paramref name="json"/>.</summary>
    public static int LineOf(string json, string text)
    {
        var at = json.IndexOf(text, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, "the text '{0}' must be in the file", text);
        return json.AsSpan(0, at).Count('\n') + 1;
    }

    /// <summary>The one finding of <paramref name="code"/>.</summary>
    public static Diagnostic Single(this EvaluationResult result, string code) => result.Findings.Should().ContainSingle(f => f.Code == code).Subject;

    /// <summary>The finding's path, file and line, to compare in one assertion.</summary>
    public static (string Path, string? File, int? Line) Place(this Diagnostic finding) => (finding.Path, finding.Location?.Source, finding.Location?.Line);
}

namespace PerfEval.Scoring;

/// <summary>A grade band: totals at or above <paramref name="MinimumScore"/> get this grade (the highest band that fits wins).</summary>
/// <param name="MinimumScore">The lowest total of the band.</param>
/// <param name="Code">A stable code: <c>excellent</c>, <c>good</c>, <c>fair</c>, <c>poor</c>.</param>
/// <param name="Label">The label printed in tables: 优, 良, 中, 差.</param>
/// <param name="EnglishLabel">The label in English output.</param>
public sealed record GradeBand(decimal MinimumScore, string Code, string Label, string EnglishLabel);

using FluentAssertions;
using PerfEval.Indicators;

namespace PerfEval.Tests.Evaluation;

/// <summary>An indicator built in code, its target read from the text a rule author writes.</summary>
internal static class IndicatorBuilder
{
    /// <summary>
    /// The indicator <paramref name="id"/>, named <paramref name="name"/> (its id when null), in <paramref name="level2"/> under
    /// that group's default level 1; the test fails where <paramref name="target"/> does not read.
    /// </summary>
    public static IndicatorDefinition Indicator(string id, string target, Level2 level2 = Level2.Quantity, decimal? weight = 10m, string? compute = null, string? name = null)
    {
        Target.TryParse(target, level2, out var t, out var error).Should().BeTrue(error);
        return new IndicatorDefinition
        {
            Id = id,
            Name = name ?? id,
            Level1 = IndicatorLevels.DefaultParent(level2),
            Level2 = level2,
            Target = t!,
            Weight = weight,
            Compute = compute,
        };
    }
}

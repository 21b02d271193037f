using PerfEval.Diagnostics;

namespace PerfEval.Indicators;

/// <summary>Names, codes and the tree of the indicator levels.</summary>
public static class IndicatorLevels
{
    private static readonly (Level1 Level, string Code, string Chinese, string English)[] Level1Names =
    [
        (Level1.Output, "output", "产出指标", "Output"),
        (Level1.Benefit, "benefit", "效益指标", "Benefit"),
        (Level1.Satisfaction, "satisfaction", "满意度指标", "Satisfaction"),
        (Level1.Cost, "cost", "成本指标", "Cost"),
    ];

    private static readonly (Level2 Level, Level1 Parent, string Code, string Chinese, string English)[] Level2Names =
    [
        (Level2.Quantity, Level1.Output, "quantity", "数量指标", "Quantity"),
        (Level2.Quality, Level1.Output, "quality", "质量指标", "Quality"),
        (Level2.Timeliness, Level1.Output, "timeliness", "时效指标", "Timeliness"),
        (Level2.Cost, Level1.Output, "cost", "成本指标", "Cost"),
        (Level2.Economic, Level1.Benefit, "economic", "经济效益指标", "Economic benefit"),
        (Level2.Social, Level1.Benefit, "social", "社会效益指标", "Social benefit"),
        (Level2.Ecological, Level1.Benefit, "ecological", "生态效益指标", "Ecological benefit"),
        (Level2.Sustainability, Level1.Benefit, "sustainability", "可持续影响指标", "Sustainability"),
        (Level2.Satisfaction, Level1.Satisfaction, "satisfaction", "服务对象满意度指标", "Service-recipient satisfaction"),
        (Level2.EconomicCost, Level1.Cost, "economicCost", "经济成本指标", "Economic cost"),
        (Level2.SocialCost, Level1.Cost, "socialCost", "社会成本指标", "Social cost"),
        (Level2.EcologicalCost, Level1.Cost, "ecologicalCost", "生态环境成本指标", "Ecological cost"),
    ];

    /// <summary>The level 1 that a level-2 group belongs to in the 2020 self-evaluation table (cost → output).</summary>
    /// <param name="level2">The level-2 group.</param>
    /// <returns>Its level-1 group.</returns>
    public static Level1 DefaultParent(Level2 level2) => Find(level2).Parent;

    /// <summary>Whether <paramref name="level2"/> may stand under <paramref name="level1"/>.</summary>
    /// <param name="level1">The level-1 group.</param>
    /// <param name="level2">The level-2 group.</param>
    /// <returns>True for the pairs of the 2020 table and of the 2021 guidance (where cost is its own level 1).</returns>
    public static bool Belongs(Level1 level1, Level2 level2) =>
        DefaultParent(level2) == level1 || (level1 == Level1.Cost && level2 == Level2.Cost);

    /// <summary>The camelCase code of a level-1 group, as used in JSON (<c>output</c>).</summary>
    /// <param name="level">The level-1 group.</param>
    /// <returns>The code.</returns>
    public static string Code(Level1 level) => Find(level).Code;

    /// <summary>The camelCase code of a level-2 group, as used in JSON (<c>quantity</c>).</summary>
    /// <param name="level">The level-2 group.</param>
    /// <returns>The code.</returns>
    public static string Code(Level2 level) => Find(level).Code;

    /// <summary>The display name of a level-1 group (<c>产出指标</c> or <c>Output</c>).</summary>
    /// <param name="level">The level-1 group.</param>
    /// <param name="chinese">True for the Chinese name.</param>
    /// <returns>The name.</returns>
    public static string Name(Level1 level, bool chinese)
    {
        var n = Find(level);
        return chinese ? n.Chinese : n.English;
    }

    /// <summary>The display name of a level-2 group (<c>数量指标</c> or <c>Quantity</c>).</summary>
    /// <param name="level">The level-2 group.</param>
    /// <param name="chinese">True for the Chinese name.</param>
    /// <returns>The name.</returns>
    public static string Name(Level2 level, bool chinese)
    {
        var n = Find(level);
        return chinese ? n.Chinese : n.English;
    }

    /// <summary>Reads a level-1 group from its code (<c>output</c>) or Chinese name (<c>产出指标</c>, also without 指标).</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="level">The group, when the text names one.</param>
    /// <returns>True when the text names a level-1 group.</returns>
    public static bool TryParseLevel1(string text, out Level1 level)
    {
        var t = text.Trim();
        foreach (var n in Level1Names)
        {
            if (t.Equals(n.Code, StringComparison.OrdinalIgnoreCase) || t == n.Chinese || t == n.Chinese[..^2])
            {
                level = n.Level;
                return true;
            }
        }

        level = default;
        return false;
    }

    /// <summary>Reads a level-2 group from its code (<c>quantity</c>) or Chinese name (<c>数量指标</c>, also without 指标).</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="level">The group, when the text names one.</param>
    /// <returns>True when the text names a level-2 group.</returns>
    public static bool TryParseLevel2(string text, out Level2 level)
    {
        var t = text.Trim();
        foreach (var n in Level2Names)
        {
            if (t.Equals(n.Code, StringComparison.OrdinalIgnoreCase) || t == n.Chinese || t == n.Chinese[..^2]
                || (n.Level == Level2.Satisfaction && (t == "满意度指标" || t == "满意度")))
            {
                level = n.Level;
                return true;
            }
        }

        level = default;
        return false;
    }

    /// <summary>Every code and Chinese name (with and without 指标) of the level-2 groups, for messages.</summary>
    internal static IEnumerable<string> Level2Labels =>
        Level2Names.SelectMany(n => new[] { n.Code, n.Chinese, n.Chinese[..^2] }).Concat(["满意度指标", "满意度"]);

    /// <summary>All codes of level-2 groups.</summary>
    internal static IEnumerable<string> Level2Codes => Level2Names.Select(n => n.Code);

    /// <summary>All accepted codes of level-1 groups.</summary>
    internal static IEnumerable<string> Level1Codes => Level1Names.Select(n => n.Code);

    /// <summary>Every code and Chinese name (with and without 指标) of the level-1 groups, for messages.</summary>
    internal static IEnumerable<string> Level1Labels => Level1Names.SelectMany(n => new[] { n.Code, n.Chinese, n.Chinese[..^2] });

    /// <summary>A level-1 group's name, in the language its message is rendered in.</summary>
    /// <param name="level">The group.</param>
    /// <returns>The name, as a message text.</returns>
    internal static MessageText Text(Level1 level) => MessageText.Of("level1." + Code(level));

    /// <summary>A level-2 group's name, in the language its message is rendered in.</summary>
    /// <param name="level">The group.</param>
    /// <returns>The name, as a message text.</returns>
    internal static MessageText Text(Level2 level) => MessageText.Of("level2." + Code(level));

    /// <summary>The row of a level-1 group (a loop, not a lambda: these run for every indicator read and evaluated).</summary>
    private static (Level1 Level, string Code, string Chinese, string English) Find(Level1 level)
    {
        foreach (var n in Level1Names)
        {
            if (n.Level == level)
            {
                return n;
            }
        }

        return default;
    }

    /// <summary>The row of a level-2 group.</summary>
    private static (Level2 Level, Level1 Parent, string Code, string Chinese, string English) Find(Level2 level)
    {
        foreach (var n in Level2Names)
        {
            if (n.Level == level)
            {
                return n;
            }
        }

        return default;
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using PerfEval.Indicators;

namespace PerfEval.Loading;

/// <summary>
/// The one table of older, regional and traditional-character labels of the indicator levels (进度指标, 經濟效益指標,
/// 经济成本指标 under 产出指标 …), each with the current label it is read as. The table is the embedded file
/// rules/labels/label-aliases.json; a label that ends in 指标 or 指標 is also accepted without it.
/// </summary>
internal static class LabelAliases
{
    private static readonly (ImmutableArray<LabelAlias> Level1, ImmutableArray<LabelAlias> Level2) Table = Load();

    /// <summary>The aliases of level-1 labels.</summary>
    public static ImmutableArray<LabelAlias> Level1 => Table.Level1;

    /// <summary>The aliases of level-2 labels.</summary>
    public static ImmutableArray<LabelAlias> Level2 => Table.Level2;

    /// <summary>The current level-1 label a text stands for, or null when the text is no alias.</summary>
    /// <param name="text">The label as written.</param>
    /// <returns>The alias, or null.</returns>
    public static LabelAlias? FindLevel1(string text) => Find(Table.Level1, text.Trim(), null);

    /// <summary>
    /// The current level-2 label a text stands for under a level 1: first a label read anywhere (數量指標 → 数量指标), then
    /// one read only under that level 1 (经济成本指标 under 产出指标 → 成本指标); null when the text is no alias.
    /// </summary>
    /// <param name="text">The label as written.</param>
    /// <param name="under">The indicator's level 1, when it has one.</param>
    /// <returns>The alias (the last of the two when both apply, with the first one's label), or null.</returns>
    public static LabelAlias? FindLevel2(string text, Level1? under)
    {
        var t = text.Trim();
        var anywhere = Find(Table.Level2, t, null);
        var placed = under is { } u ? Find(Table.Level2, anywhere?.Current ?? t, u) : null;
        return placed is null ? anywhere : placed with { Label = t };
    }

    /// <summary>Every label the table accepts, each also without its trailing 指标 or 指標, in table order.</summary>
    /// <param name="aliases">The level-1 or level-2 aliases.</param>
    /// <returns>The labels.</returns>
    public static IEnumerable<string> Accepted(ImmutableArray<LabelAlias> aliases) =>
        aliases.SelectMany(a => Suffixed(a.Label) ? new[] { a.Label, a.Label[..^2] } : [a.Label]).Distinct(StringComparer.Ordinal);

    private static LabelAlias? Find(ImmutableArray<LabelAlias> aliases, string text, Level1? under)
    {
        foreach (var a in aliases)
        {
            if (a.Under == under && (a.Label == text || (Suffixed(a.Label) && a.Label.AsSpan(0, a.Label.Length - 2).SequenceEqual(text))))
            {
                return a;
            }
        }

        return null;
    }

    private static bool Suffixed(string label) => label.EndsWith("指标", StringComparison.Ordinal) || label.EndsWith("指標", StringComparison.Ordinal);

    private static (ImmutableArray<LabelAlias>, ImmutableArray<LabelAlias>) Load()
    {
        using var stream = typeof(LabelAliases).Assembly.GetManifestResourceStream("PerfEval.Labels.label-aliases.json")!;
        using var document = JsonDocument.Parse(stream);
        return (Read(document.RootElement.GetProperty("level1")), Read(document.RootElement.GetProperty("level2")));
    }

    private static ImmutableArray<LabelAlias> Read(JsonElement entries)
    {
        var aliases = ImmutableArray.CreateBuilder<LabelAlias>();
        foreach (var e in entries.EnumerateArray())
        {
            aliases.Add(new LabelAlias(e.GetProperty("label").GetString()!, e.GetProperty("current").GetString()!)
            {
                Under = e.TryGetProperty("under", out var under) ? Parse(under) : null,
                MovesTo = e.TryGetProperty("level1", out var level1) ? Parse(level1) : null,
            });
        }

        return aliases.DrainToImmutable();
    }

    private static Level1 Parse(JsonElement label) =>
        IndicatorLevels.TryParseLevel1(label.GetString()!, out var level) ? level : throw new InvalidOperationException("label-aliases.json: unknown level 1 " + label.GetString());
}

using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Actuals;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Import;

/// <summary>The indicator block (绩效指标): columns by their labels, level-1 and level-2 cells merged or repeated.</summary>
internal sealed partial class TableReader
{
    private readonly Dictionary<TableColumn, GridCell> columns = [];

    /// <summary>The column of 得分 in the indicator block, which the total row also uses.</summary>
    private int? ScoreColumn => columns.TryGetValue(TableColumn.Score, out var c) ? c.Column : null;

    private IndicatorBlock Indicators(int headerRow)
    {
        foreach (var cell in grid.Row(headerRow).Where(c => c.Row == headerRow))
        {
            if (HeaderLabels.Indicator(Grid.Key(cell.Text)) is { } column && columns.TryAdd(column, cell))
            {
                used.Add(cell);
            }
        }

        var definitions = ImmutableArray.CreateBuilder<IndicatorDefinition>();
        var actuals = ImmutableArray.CreateBuilder<IndicatorActual>();
        var rates = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        var scores = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        string? level1 = null, level2 = null;
        var r = headerRow + 1;
        for (; r <= grid.Rows; r++)
        {
            var first = grid.Row(r).FirstOrDefault(c => c.Row == r && !c.IsEmpty);
            if (first is not null && HeaderLabels.IsTotal(Grid.Key(first.Text)))
            {
                break;
            }

            if (IsIndicatorHeader(r))
            {
                // A header repeated on the next page.
                foreach (var c in grid.Row(r).Where(c => c.Row == r))
                {
                    used.Add(c);
                }

                continue;
            }

            level1 = Own(TableColumn.Level1, r)?.Text is { Length: > 0 } l1 ? l1 : Carried(TableColumn.Level1, r, level1);
            level2 = Own(TableColumn.Level2, r)?.Text is { Length: > 0 } l2 ? l2 : Carried(TableColumn.Level2, r, level2);
            var name = Own(TableColumn.Name, r);
            var target = Own(TableColumn.Target, r);
            if (name is null || name.IsEmpty)
            {
                // A row without an indicator: its cells (a note, a stray figure) are reported as unplaced.
                continue;
            }

            var id = "i" + (definitions.Count + 1).ToString("00", CultureInfo.InvariantCulture);
            if (Row(r, id, name, target, (level1, level2)) is { } read)
            {
                definitions.Add(read.Definition);
                actuals.Add(read.Actual);
                if (read.Rate is { } rate)
                {
                    rates[id] = rate;
                }

                if (read.Score is { } score)
                {
                    scores[id] = score;
                }
            }
        }

        return new IndicatorBlock
        {
            Definitions = definitions.ToImmutable(),
            Actuals = actuals.ToImmutable(),
            CompletionRates = rates.ToImmutable(),
            Scores = scores.ToImmutable(),
            EndRow = r,
        };
    }

    private (IndicatorDefinition Definition, IndicatorActual Actual, decimal? Rate, decimal? Score)? Row(int r, string id, GridCell name, GridCell? targetCell, (string? One, string? Two) levels)
    {
        foreach (var c in grid.Row(r).Where(c => c.Row == r && columns.Values.Any(h => h.Column >= c.Column && h.Column < c.Column + c.ColumnSpan)))
        {
            used.Add(c);
        }

        var level1Cell = grid[r, columns.GetValueOrDefault(TableColumn.Level1)?.Column ?? 0];
        var level2Cell = grid[r, columns.GetValueOrDefault(TableColumn.Level2)?.Column ?? 0];
        if (levels.Two is null || !TryLevel2(levels.Two, out var l2))
        {
            findings.Add(Diagnostics.DiagnosticCodes.ImportUnknownLevel, level2Cell ?? name, ("text", levels.Two ?? string.Empty), ("name", name.Text));
            return null;
        }

        var l1 = IndicatorLevels.DefaultParent(l2);
        if (levels.One is { Length: > 0 } one && (!TryLevel1(one, out l1) || !IndicatorLevels.Belongs(l1, l2)))
        {
            findings.Add(Diagnostics.DiagnosticCodes.ImportUnknownLevel, level1Cell ?? name, ("text", one), ("name", name.Text));
            return null;
        }

        var unit = Own(TableColumn.Unit, r)?.Text is { Length: > 0 } u && u is not ("—" or "-" or "/") ? u : null;
        var percentUnit = unit is "%" or "％";
        var targetText = WithPercent(targetCell?.Text ?? string.Empty, percentUnit);
        if (Own(TableColumn.Comparison, r)?.Text is { Length: > 0 } symbol && Target.TryParseComparison(symbol, out var comparison)
            && comparison is not (Comparison.Range or Comparison.Deadline or Comparison.Qualitative) && !StartsWithSign(targetText))
        {
            targetText = Target.Symbol(comparison) + targetText;
        }

        if (!Target.TryParse(targetText, l2, out var target, out _) && Target.ListsSeveralStandards(targetText, l2))
        {
            // A rule file says "comparison": "qualitative" for such a target; a table cannot, so the importer does, and says so.
            target = new Target { Comparison = Comparison.Qualitative, Description = targetText.Trim(), Text = targetText };
            findings.Add(Diagnostics.DiagnosticCodes.ImportSeveralStandards, targetCell ?? name, ("name", name.Text), ("text", targetText));
        }

        if (target is null)
        {
            findings.Add(Diagnostics.DiagnosticCodes.ImportMissingTarget, targetCell ?? name, ("name", name.Text), ("text", targetText));
            return null;
        }

        var weightColumn = columns.GetValueOrDefault(TableColumn.Weight)?.Text ?? "分值";
        var weight = Number(Own(TableColumn.Weight, r), weightColumn);
        var score = Number(Own(TableColumn.Score, r), columns.GetValueOrDefault(TableColumn.Score)?.Text ?? "得分");
        var rate = Number(Own(TableColumn.CompletionRate, r), columns.GetValueOrDefault(TableColumn.CompletionRate)?.Text ?? "完成率");
        var definition = new IndicatorDefinition
        {
            Id = id,
            Name = name.Text,
            Level1 = l1,
            Level2 = l2,
            Target = target,
            Unit = percentUnit ? null : unit ?? target.Unit,
            Weight = weight,
        };

        var actualText = Own(TableColumn.Actual, r)?.Text ?? string.Empty;
        var (reason, measures) = Deviation(Own(TableColumn.Deviation, r)?.Text);
        var actual = new IndicatorActual { Id = id, Reason = reason, Measures = measures };
        if (actualText is "不适用" or "n/a" or "N/A")
        {
            actual = actual with { NotApplicable = true };
        }
        else if (actualText is not ("" or "—" or "-" or "－" or "/" or "／"))
        {
            var value = ActualValue.Parse(WithPercent(actualText, percentUnit));
            actual = actual with { Actual = value };
            if (target.Comparison == Comparison.Qualitative && !HasGradeWord(target, value) && weight is { } w && w > 0 && score is { } s)
            {
                var policy = PolicyCatalog.BuiltIn.TryGet(options.PolicyName ?? "mof-2020", out var named) ? named : Scoring.ScoringPolicy.Mof2020;
                var grade = s >= w * policy.AchievedFloor ? QualitativeGrade.Achieved : s >= w * policy.PartialFloor ? QualitativeGrade.Partial : QualitativeGrade.NotAchieved;
                actual = actual with { Grade = grade, Score = s };
                findings.Add(Diagnostics.DiagnosticCodes.ImportGradeFromScore, Own(TableColumn.Score, r)!, ("name", name.Text), ("score", Invariant(s)), ("weight", Invariant(w)));
            }
        }

        return (definition, actual, rate, score);
    }

    /// <summary>The cell of a column that starts in this row; null when the column is absent or the row's cell is merged from above.</summary>
    private GridCell? Own(TableColumn column, int row) =>
        columns.TryGetValue(column, out var header) && grid[row, header.Column] is { } cell && cell.Row == row ? cell : null;

    /// <summary>A level label carried down: from a cell merged over this row, or from the rows above when the cell is left blank.</summary>
    private string? Carried(TableColumn column, int row, string? previous) =>
        columns.TryGetValue(column, out var header) && grid[row, header.Column] is { } cell && cell.Row < row && cell.Row > header.Row && cell.Text.Length > 0
            ? cell.Text
            : previous;

    private bool IsIndicatorHeader(int row)
    {
        var labels = grid.Row(row).Where(c => c.Row == row).Select(c => HeaderLabels.Indicator(Grid.Key(c.Text))).ToHashSet();
        return labels.Contains(TableColumn.Name) && labels.Contains(TableColumn.Target);
    }

    private static bool TryLevel1(string text, out Level1 level) =>
        IndicatorLevels.TryParseLevel1(text, out level) || TryEnglish(text, l => IndicatorLevels.Name(l, chinese: false), out level);

    private static bool TryLevel2(string text, out Level2 level) =>
        IndicatorLevels.TryParseLevel2(text, out level) || TryEnglish(text, l => IndicatorLevels.Name(l, chinese: false), out level);

    /// <summary>A group named by PerfEval's English name (Quantity, Output), as the English table prints it.</summary>
    private static bool TryEnglish<T>(string text, Func<T, string> name, out T level)
        where T : struct, Enum
    {
        foreach (var l in Enum.GetValues<T>())
        {
            if (string.Equals(name(l), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = l;
                return true;
            }
        }

        level = default;
        return false;
    }

    /// <summary>A bare number in a row whose unit column says %: the number is a percentage.</summary>
    private static string WithPercent(string text, bool percentUnit) =>
        percentUnit && decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? text.Trim() + "%" : text;

    private static bool StartsWithSign(string text) => text.TrimStart() is { Length: > 0 } t && "≥≤＝=＞＜><﹦═≧≦".Contains(t[0], StringComparison.Ordinal);

    /// <summary>Whether the evaluator can read the grade from the actual: a done / not-done word, or the target's own wording repeated.</summary>
    private static bool HasGradeWord(Target target, ActualValue actual) =>
        actual.Done is not null || Grid.Key(actual.Text) == Grid.Key(target.Description ?? target.Text ?? string.Empty);

    /// <summary>偏差原因分析及改进措施 split at 改进措施 (as PerfEval's own table writes it).</summary>
    private static (string? Reason, string? Measures) Deviation(string? text)
    {
        if (text is null || text.Length == 0 || text is "—" or "-" or "无" or "/")
        {
            return (null, null);
        }

        foreach (var marker in (ReadOnlySpan<string>)["改进措施：", "改进措施:", " Measures: "])
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var reason = text[..at].Trim();
                return (reason.Length > 0 ? reason : null, text[(at + marker.Length)..].Trim());
            }
        }

        return (text, null);
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

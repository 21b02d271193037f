using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Import;

/// <summary>
/// Reads the self-evaluation table (项目支出绩效自评表) and its variants from a grid: the header fields, the funds block,
/// the goals, the indicator block and the total. Blocks and columns are found by their labels; a cell that cannot be
/// placed or read is a finding with its cell, never a guess.
/// </summary>
internal sealed partial class TableReader
{
    private readonly Grid grid;
    private readonly ImportOptions options;
    private readonly ImportFindings findings;
    private readonly HashSet<GridCell> used = new(ReferenceEqualityComparer.Instance);

    private TableReader(Grid grid, ImportOptions options, ImportFindings findings)
    {
        this.grid = grid;
        this.options = options;
        this.findings = findings;
    }

    /// <summary>The row of the indicator block's column headers: the first row that labels a name, a target and an actual column.</summary>
    /// <param name="grid">The grid.</param>
    /// <returns>The row, or null when the grid holds no self-evaluation table.</returns>
    public static int? IndicatorHeaderRow(Grid grid)
    {
        for (var r = 1; r <= grid.Rows; r++)
        {
            var columns = grid.Row(r).Where(c => c.Row == r).Select(c => HeaderLabels.Indicator(Grid.Key(c.Text))).ToHashSet();
            if (columns.Contains(TableColumn.Name) && columns.Contains(TableColumn.Target) && columns.Contains(TableColumn.Actual))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Reads the table of a grid that has an indicator header row.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="headerRow">Its indicator header row, from <see cref="IndicatorHeaderRow"/>.</param>
    /// <param name="options">What the table does not say.</param>
    /// <param name="findings">Where findings go.</param>
    /// <returns>The set and the actuals, or nulls when the set's name or year is missing.</returns>
    public static (IndicatorSet? Set, ProgrammeActuals? Actuals) Read(Grid grid, int headerRow, ImportOptions options, ImportFindings findings) =>
        new TableReader(grid, options, findings).Read(headerRow);

    private (IndicatorSet?, ProgrammeActuals?) Read(int headerRow)
    {
        var (name, department, unit) = HeaderFields(headerRow);
        var year = options.Year ?? Year(headerRow);
        var funds = Funds(headerRow);
        var (goals, conclusion) = Goals(headerRow);
        var block = Indicators(headerRow);
        var (totalScore, grade) = Total(block.EndRow);
        ReportUnplaced(headerRow);

        if (name is null)
        {
            findings.AddForFile(Diagnostics.DiagnosticCodes.ImportMissingName);
        }

        if (year is null)
        {
            findings.AddForFile(Diagnostics.DiagnosticCodes.ImportMissingYear);
        }

        if (name is null || year is null)
        {
            return (null, null);
        }

        var id = options.Id ?? Slug(options.SourceName) ?? "imported";
        var set = new IndicatorSet
        {
            Id = id,
            Name = name,
            Year = year.Value,
            Department = department.Department,
            ImplementingUnit = department.Unit,
            Goals = goals,
            Budget = new BudgetDefinition { Unit = unit ?? "万元", Sources = funds.Lines },
            Indicators = block.Definitions,
            PolicyName = options.PolicyName,
        };
        var stated = new StatedFigures
        {
            Available = funds.Available,
            Spent = funds.Spent,
            ExecutionRate = funds.ExecutionRate,
            BudgetScore = funds.Score,
            CompletionRates = block.CompletionRates,
            Scores = block.Scores,
            TotalScore = totalScore,
            Grade = grade,
            Conclusion = conclusion,
        };
        var actuals = new ProgrammeActuals
        {
            IndicatorSet = id,
            Year = year,
            Budget = new BudgetActuals { Initial = funds.Initial, Available = funds.Available, Spent = funds.Spent, Sources = funds.Amounts },
            Indicators = block.Actuals,
            Stated = stated,
        };
        return (set, actuals);
    }

    /// <summary>项目名称, 主管部门 and 实施单位 (and the money unit of the funds block), from the rows above the indicator block.</summary>
    private (string? Name, (string? Department, string? Unit) Department, string? MoneyUnit) HeaderFields(int headerRow)
    {
        string? name = null, department = null, unit = null, money = null;
        for (var r = 1; r < headerRow; r++)
        {
            var row = grid.Row(r).Where(c => c.Row == r).ToList();
            for (var i = 0; i < row.Count; i++)
            {
                var key = Grid.Key(row[i].Text);
                if ((key.StartsWith("项目资金", StringComparison.Ordinal) || key.StartsWith("资金情况", StringComparison.Ordinal) || key.StartsWith("Funds", StringComparison.OrdinalIgnoreCase))
                    && MoneyUnit().Match(row[i].Text) is { Success: true } m)
                {
                    money ??= m.Groups["unit"].Value;
                    used.Add(row[i]);
                    continue;
                }

                ref var field = ref name;
                if (key.EndsWith("名称", StringComparison.Ordinal) || key.Equals("Programme", StringComparison.OrdinalIgnoreCase))
                {
                    field = ref name;
                }
                else if (key.EndsWith("主管部门", StringComparison.Ordinal) || key.Equals("Department", StringComparison.OrdinalIgnoreCase))
                {
                    field = ref department;
                }
                else if (key.EndsWith("实施单位", StringComparison.Ordinal) || key.EndsWith("执行单位", StringComparison.Ordinal) || key.Equals("Implementingunit", StringComparison.OrdinalIgnoreCase))
                {
                    field = ref unit;
                }
                else
                {
                    continue;
                }

                used.Add(row[i]);
                if (i + 1 < row.Count && field is null)
                {
                    used.Add(row[i + 1]);
                    var value = row[i + 1].Text;
                    field = value is "" or "—" or "-" or "/" ? null : value;
                }
            }
        }

        return (name, (department, unit), money);
    }

    /// <summary>The year of the title (（2025年度）, 2025年度, (2025)), from the rows above the indicator block.</summary>
    private int? Year(int headerRow)
    {
        for (var r = 1; r < headerRow; r++)
        {
            foreach (var cell in grid.Row(r).Where(c => c.Row == r))
            {
                if (TitleYear().Match(cell.Text) is { Success: true } m)
                {
                    used.Add(cell);
                    return int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
                }
            }
        }

        return null;
    }

    /// <summary>The goals block: 预期目标 one per line, and 实际完成情况 as the stated conclusion.</summary>
    private (ImmutableArray<string> Goals, string? Conclusion) Goals(int headerRow)
    {
        for (var r = 1; r < headerRow; r++)
        {
            if (grid.Row(r).FirstOrDefault(c => c.Row == r && HeaderLabels.IsGoals(Grid.Key(c.Text))) is not { } label)
            {
                continue;
            }

            used.Add(label);
            var headers = grid.Row(r).Where(c => c.Row == r && !ReferenceEquals(c, label)).ToList();
            var expected = headers.FirstOrDefault(c => Grid.Key(c.Text) is "预期目标" or "Expected");
            var outcome = headers.FirstOrDefault(c => Grid.Key(c.Text) is "实际完成情况" or "Outcome");
            GridCell? Below(GridCell? header) => header is null ? null : grid[header.Row + header.RowSpan, header.Column];
            if (expected is null && outcome is null)
            {
                // The goals written in the label's own row (年度总体目标 | the goals).
                var text = headers.FirstOrDefault()?.Text;
                foreach (var h in headers)
                {
                    used.Add(h);
                }

                return (Lines(text), null);
            }

            var goals = Below(expected);
            var done = Below(outcome);
            foreach (var c in new[] { expected, outcome, goals, done })
            {
                if (c is not null)
                {
                    used.Add(c);
                }
            }

            return (Lines(goals?.Text), done?.Text is { Length: > 0 } t ? t : null);
        }

        return ([], null);
    }

    private static ImmutableArray<string> Lines(string? text) =>
        text is null ? [] : [.. text.Split('\n').Select(l => GoalNumber().Replace(l.Trim(), string.Empty).Trim()).Where(l => l.Length > 0)];

    /// <summary>The last row: 总分 with the stated total score, and the grade (自评等级：优).</summary>
    private (decimal? Score, string? Grade) Total(int row)
    {
        if (row > grid.Rows || grid.Row(row).FirstOrDefault(c => c.Row == row && !c.IsEmpty) is not { } label || !HeaderLabels.IsTotal(Grid.Key(label.Text)))
        {
            return (null, null);
        }

        used.Add(label);
        decimal? score = null;
        string? grade = null;
        var cells = grid.Row(row).Where(c => c.Row == row && !ReferenceEquals(c, label) && !c.IsEmpty).ToList();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            used.Add(cell);
            var key = Grid.Key(cell.Text);
            if (GradeLabel().Match(key) is { Success: true } m)
            {
                grade = m.Groups["grade"].Value.Length > 0 ? m.Groups["grade"].Value : (i + 1 < cells.Count ? cells[i + 1].Text : null);
            }
            else if (key is "优" or "良" or "中" or "差" or "Excellent" or "Good" or "Fair" or "Poor")
            {
                grade = key;
            }
            else if (ScoreColumn is { } column && cell.Column <= column && column < cell.Column + cell.ColumnSpan)
            {
                score = Number(cell, "得分");
            }
        }

        return (score, grade);
    }

    /// <summary>Every cell that no block took is reported (PE6003), once, with its cell.</summary>
    private void ReportUnplaced(int headerRow)
    {
        foreach (var cell in grid.Cells)
        {
            if (!cell.IsEmpty && !used.Contains(cell) && cell.Row != headerRow && !IsSectionLabel(cell))
            {
                findings.Add(Diagnostics.DiagnosticCodes.ImportUnplacedCell, cell, ("text", cell.Text));
            }
        }
    }

    /// <summary>The labels that only name a block (绩效指标, the title row) and carry no figure.</summary>
    private static bool IsSectionLabel(GridCell cell)
    {
        var key = Grid.Key(cell.Text);
        return key is "绩效指标" or "Indicators" or "项目资金" or "资金情况" || key.EndsWith("自评表", StringComparison.Ordinal) || key.Contains("填报单位", StringComparison.Ordinal)
            || key.StartsWith("单位", StringComparison.Ordinal) || key.StartsWith("附件", StringComparison.Ordinal) || key.StartsWith("附表", StringComparison.Ordinal);
    }

    /// <summary>A number from a cell: the number a spreadsheet stores, or one written as text ("3,877.67", "99.57%"); "—" and empty cells are none.</summary>
    private decimal? Number(GridCell? cell, string column)
    {
        if (cell is null || cell.IsEmpty)
        {
            return null;
        }

        if (cell.Number is { } n)
        {
            return n;
        }

        var text = cell.Text.Trim();
        if (text is "—" or "-" or "－" or "/" or "／" or "——" or "--" or "无")
        {
            return null;
        }

        var s = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal).TrimEnd('%', '％', '分').Trim();
        if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        findings.Add(Diagnostics.DiagnosticCodes.ImportNotANumber, cell, ("text", cell.Text), ("column", column));
        return null;
    }

    private static string? Slug(string? fileName)
    {
        if (fileName is null)
        {
            return null;
        }

        var name = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var slug = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        slug = Hyphens().Replace(slug, "-").Trim('-');
        return slug.Length > 0 ? slug : null;
    }

    [GeneratedRegex(@"[(（]\s*(?<unit>[^()（）]+?)\s*[)）]")]
    private static partial Regex MoneyUnit();

    [GeneratedRegex(@"(?<year>(?:19|20)[0-9]{2})\s*年度?|[(（]\s*(?<year>(?:19|20)[0-9]{2})\s*[)）]")]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"^(?:\d+[.、．)]|[(（]\d+[)）]|[一二三四五六七八九十]+[、是])\s*")]
    private static partial Regex GoalNumber();

    [GeneratedRegex(@"^(?:自评等级|评价等级|等级|Grade)[:]?(?<grade>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex GradeLabel();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}

using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Indicators;

namespace PerfEval.Import;

/// <summary>The funds block (项目资金 / 资金情况): its header of figures, the total row and the source rows.</summary>
internal sealed partial class TableReader
{
    private FundsBlock Funds(int headerRow)
    {
        for (var r = 1; r < headerRow; r++)
        {
            var headers = grid.Row(r).Where(c => c.Row == r)
                .Select(c => (Cell: c, Column: HeaderLabels.Funds(Grid.Key(c.Text))))
                .Where(x => x.Column is not null)
                .ToList();
            if (!headers.Exists(h => h.Column is TableColumn.Available or TableColumn.Spent))
            {
                continue;
            }

            foreach (var (cell, _) in headers)
            {
                used.Add(cell);
            }

            return FundsRows(r, headers.ConvertAll(h => (h.Cell, h.Column!.Value)), headerRow);
        }

        return new FundsBlock();
    }

    private FundsBlock FundsRows(int fundsHeader, List<(GridCell Cell, TableColumn Column)> headers, int headerRow)
    {
        var first = headers.Min(h => h.Cell.Column);
        var block = new FundsBlock();
        var lines = ImmutableArray.CreateBuilder<BudgetLine>();
        var amounts = ImmutableArray.CreateBuilder<BudgetAmount>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var r = fundsHeader + 1; r < headerRow; r++)
        {
            var row = grid.Row(r).Where(c => c.Row == r).ToList();
            var label = row.FirstOrDefault(c => c.Column < first && !c.IsEmpty);
            if (label is null || HeaderLabels.IsGoals(Grid.Key(label.Text)))
            {
                break;
            }

            used.Add(label);
            var figures = new Dictionary<TableColumn, decimal?>();
            foreach (var (header, column) in headers)
            {
                var cell = row.FirstOrDefault(c => c.Column >= header.Column && c.Column < header.Column + header.ColumnSpan);
                if (cell is not null)
                {
                    used.Add(cell);
                    figures[column] = Number(cell, header.Text);
                }
            }

            var key = Grid.Key(label.Text);
            if (HeaderLabels.IsFundsTotal(key))
            {
                block = block with
                {
                    Initial = figures.GetValueOrDefault(TableColumn.Initial),
                    Available = figures.GetValueOrDefault(TableColumn.Available),
                    Spent = figures.GetValueOrDefault(TableColumn.Spent),
                    ExecutionRate = figures.GetValueOrDefault(TableColumn.ExecutionRate),
                    Score = figures.GetValueOrDefault(TableColumn.Score),
                };
                continue;
            }

            if (figures.GetValueOrDefault(TableColumn.Available) is not { } amount)
            {
                continue;
            }

            var name = SourceName(label.Text);
            var id = SourceId(name, lines.Count, ids);
            lines.Add(new BudgetLine(id, name) { Category = Category(name) });
            amounts.Add(new BudgetAmount(id, amount));
        }

        return block with { Lines = lines.ToImmutable(), Amounts = amounts.ToImmutable() };
    }

    /// <summary>A source row's name without 其中： in front.</summary>
    private static string SourceName(string label)
    {
        var name = label.Trim();
        foreach (var prefix in (ReadOnlySpan<string>)["其中：", "其中:", "其中", "of which:"])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return name[prefix.Length..].Trim();
            }
        }

        return name;
    }

    private static SourceCategory Category(string name) =>
        name.Contains("结转", StringComparison.Ordinal) || name.Contains("结余", StringComparison.Ordinal) || name.Contains("carried", StringComparison.OrdinalIgnoreCase)
            ? SourceCategory.CarryOver
            : name.Contains("其他", StringComparison.Ordinal) || name.Contains("other", StringComparison.OrdinalIgnoreCase) ? SourceCategory.Other : SourceCategory.Appropriation;

    /// <summary>The id of a source line: the usual ones by name (appropriation, carryover, other, central…), else source-N.</summary>
    private static string SourceId(string name, int index, HashSet<string> taken)
    {
        var id = name switch
        {
            _ when name.Contains("财政拨款", StringComparison.Ordinal) || name.Contains("appropriation", StringComparison.OrdinalIgnoreCase) => "appropriation",
            _ when Category(name) == SourceCategory.CarryOver => "carryover",
            _ when Category(name) == SourceCategory.Other => "other",
            _ when name.StartsWith("中央", StringComparison.Ordinal) => "central",
            _ when name.StartsWith("地方", StringComparison.Ordinal) => "local",
            _ => "source-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = id + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }
}

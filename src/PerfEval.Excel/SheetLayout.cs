using System.Globalization;
using System.Text;
using PerfEval.Reporting;

namespace PerfEval.Excel;

/// <summary>
/// The self-evaluation table laid out on a grid (1-based rows and columns), in the layout of the HTML writer:
/// the contents, merges, column widths and row heights, before any Open XML is written.
/// </summary>
internal sealed class SheetLayout
{
    private const double LineHeight = 13.5;

    private readonly Dictionary<(int Row, int Column), SheetCell> cells = [];
    private readonly List<(int Row, int Column, int LastRow, int LastColumn)> merges = [];

    private SheetLayout(int columns, string sheetName)
    {
        Columns = columns;
        SheetName = sheetName;
        ColumnWidths = new double[columns + 1];
    }

    /// <summary>The number of columns (the indicator block's).</summary>
    public int Columns { get; }

    /// <summary>The last row used.</summary>
    public int Rows { get; private set; }

    /// <summary>The sheet's name.</summary>
    public string SheetName { get; }

    /// <summary>The row of the indicator block's column headers.</summary>
    public int IndicatorHeaderRow { get; private set; }

    /// <summary>Whether the rows down to the indicator header are frozen (only when they are not too tall for a screen).</summary>
    public bool Freeze { get; private set; }

    /// <summary>Column widths in characters, indexed from 1.</summary>
    public double[] ColumnWidths { get; }

    /// <summary>Row heights in points, for the rows that have one.</summary>
    public SortedDictionary<int, double> RowHeights { get; } = [];

    /// <summary>The number formats of quantities (<c>0"人"</c>, <c>0.00%</c>), in the order cells refer to them.</summary>
    public List<string> NumberFormats { get; } = [];

    /// <summary>The merged ranges.</summary>
    public IReadOnlyList<(int Row, int Column, int LastRow, int LastColumn)> Merges => merges;

    /// <summary>The cell at a position, if any.</summary>
    /// <param name="row">The row (1-based).</param>
    /// <param name="column">The column (1-based).</param>
    /// <returns>The cell or null.</returns>
    public SheetCell? this[int row, int column] => cells.GetValueOrDefault((row, column));

    /// <summary>Lays out a table.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The layout.</returns>
    public static SheetLayout For(SelfEvaluationTable table)
    {
        var l = table.Labels;
        var zh = table.Options.Chinese;
        var columns = l.IndicatorColumns(table.Options);
        var span = columns.Length;
        var sheet = new SheetLayout(span, zh ? "自评表" : "Self-evaluation");
        var half = Math.Max(1, (span - 2) / 2);

        // Title and header fields.
        var row = 1;
        sheet.Put(row, 1, Text(table.Title, CellStyle.Title), columnSpan: span);
        sheet.RowHeights[row] = 30;
        row++;
        sheet.Put(row, 1, Text(l.ProgrammeName, CellStyle.Header));
        sheet.Put(row, 2, Text(table.ProgrammeName, CellStyle.Text), columnSpan: span - 1);
        row++;
        sheet.Put(row, 1, Text(l.Department, CellStyle.Header));
        sheet.Put(row, 2, Text(table.Department ?? "—", CellStyle.Text), columnSpan: half);
        sheet.Put(row, 2 + half, Text(l.ImplementingUnit, CellStyle.Header));
        sheet.Put(row, 3 + half, Text(table.ImplementingUnit ?? "—", CellStyle.Text), columnSpan: span - 2 - half);
        row++;

        // Funds block: the label spans its rows; seven columns spread over the remaining width.
        string[] fundsHeader = [string.Empty, l.Initial, l.Available, l.Spent, l.Weight, l.ExecutionRate, l.Score];
        var spans = Spread(span - 1, fundsHeader.Length);
        sheet.Put(row, 1, Text($"{l.Funds}\n({table.Unit})", CellStyle.Section), rowSpan: table.Funds.Length + 1);
        var column = 2;
        for (var c = 0; c < fundsHeader.Length; c++)
        {
            sheet.Put(row, column, Text(fundsHeader[c], CellStyle.Header), columnSpan: spans[c]);
            column += spans[c];
        }

        row++;
        foreach (var f in table.Funds)
        {
            column = 2;
            sheet.Put(row, column, Text(f.Label, CellStyle.Text), columnSpan: spans[0]);
            column += spans[0];
            TableCell[] figures =
            [
                TableCell.Of(f.Initial), TableCell.Of(f.Available), TableCell.Of(f.Spent), TableCell.Of(f.Weight), TableCell.Percent(f.ExecutionRate), TableCell.Of(f.Score),
            ];
            for (var c = 0; c < figures.Length; c++)
            {
                sheet.Put(row, column, Figure(figures[c]), columnSpan: spans[c + 1]);
                column += spans[c + 1];
            }

            row++;
        }

        // Goals block.
        sheet.Put(row, 1, Text(l.Goals, CellStyle.Section), rowSpan: 2);
        sheet.Put(row, 2, Text(l.Expected, CellStyle.Header), columnSpan: half);
        sheet.Put(row, 2 + half, Text(l.Outcome, CellStyle.Header), columnSpan: span - 1 - half);
        row++;
        sheet.Put(row, 2, Text(string.Join("\n", table.Goals.Select((g, i) => $"{i + 1}. {g}")), CellStyle.Text), columnSpan: half);
        sheet.Put(row, 2 + half, Text(table.GoalsOutcome, CellStyle.Text), columnSpan: span - 1 - half);
        row++;

        // Indicator block.
        sheet.IndicatorHeaderRow = row;
        for (var c = 0; c < span; c++)
        {
            sheet.Put(row, c + 1, Text(columns[c], CellStyle.Header));
        }

        row++;
        var rows = table.Indicators;
        for (var i = 0; i < rows.Length; i++)
        {
            var cellsOfRow = rows[i].Cells(table.Options);
            if (i == 0 || rows[i - 1].Level1 != rows[i].Level1)
            {
                var count = rows.Skip(i).TakeWhile(r => r.Level1 == rows[i].Level1).Count();
                sheet.Put(row, 1, Text(cellsOfRow[0].Text, CellStyle.Section), rowSpan: count);
            }

            if (i == 0 || rows[i - 1].Level1 != rows[i].Level1 || rows[i - 1].Level2 != rows[i].Level2)
            {
                var count = rows.Skip(i).TakeWhile(r => r.Level1 == rows[i].Level1 && r.Level2 == rows[i].Level2).Count();
                sheet.Put(row, 2, Text(cellsOfRow[1].Text, CellStyle.Section), rowSpan: count);
            }

            for (var c = 2; c < cellsOfRow.Length; c++)
            {
                var quantity = columns[c] == l.Target || columns[c] == l.Actual
                    ? sheet.Quantity(cellsOfRow[c].Text, table.Options.UnitColumn ? null : rows[i].Unit)
                    : null;
                sheet.Put(row, c + 1, quantity ?? (cellsOfRow[c].Kind == CellKind.Text ? Text(cellsOfRow[c].Text, CellStyle.Text) : Figure(cellsOfRow[c])));
            }

            row++;
        }

        sheet.Put(row, 1, Text(l.Total, CellStyle.Header), columnSpan: span - 3);
        sheet.Put(row, span - 2, Figure(TableCell.Of(table.TotalWeight)));
        sheet.Put(row, span - 1, Figure(TableCell.Of(table.TotalScore)));
        sheet.Put(row, span, Text($"{l.Grade}{(zh ? "：" : ": ")}{table.Grade}", CellStyle.Text));
        sheet.Rows = row;

        sheet.SizeColumns(table, columns);
        sheet.FitHeaderWords();
        sheet.SizeRows();
        var frozenHeight = Enumerable.Range(1, sheet.IndicatorHeaderRow).Sum(r => sheet.RowHeights.GetValueOrDefault(r, LineHeight + 4));
        sheet.Freeze = rows.Length > 0 && frozenHeight <= 320;
        return sheet;
    }

    /// <summary>The width of a text in character units: East Asian wide and full-width characters count two.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The width.</returns>
    internal static double DisplayWidth(string text)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);

    private static SheetCell Text(string text, CellStyle style) => new(text, null, style);

    /// <summary>
    /// A target or actual that is a plain quantity as a number cell with a number format that shows it as written: 2781
    /// as 2781 (with the unit <c>0"人"</c> when the table has no unit column), 98% as the fraction 0.98 shown <c>0%</c>,
    /// 12166名 as 12166 shown <c>0"名"</c>. Null for anything else (a sign, a qualifier, words), which stays text.
    /// </summary>
    /// <param name="text">The cell's text.</param>
    /// <param name="unit">The indicator's unit, shown by the format; null when the table has a unit column.</param>
    /// <returns>The cell, or null.</returns>
    private SheetCell? Quantity(string text, string? unit)
    {
        var written = string.Concat(text.Where(ch => !char.IsWhiteSpace(ch) && ch != ','));
        if (written.Length == 0 || !char.IsAsciiDigit(written[0]) || Actuals.ActualValue.Parse(text) is not { Number: { } n, IsPercent: var percent })
        {
            return null;
        }

        var number = n.ToString(CultureInfo.InvariantCulture);
        var tail = written.StartsWith(number, StringComparison.Ordinal) ? written[number.Length..] : null;
        // A unit with control characters stays text, where the writer cleans it (a number format cannot hold them).
        if (tail is null || (percent ? tail != "%" : tail.Length > 0 && tail != unit) || (unit?.Any(char.IsControl) ?? false))
        {
            return null;
        }

        var decimals = number.Contains('.', StringComparison.Ordinal) ? number.Length - number.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var code = "0" + (decimals > 0 ? "." + new string('0', decimals) : string.Empty);
        code = percent ? code + "%" : unit is { Length: > 0 } u ? code + "\"" + u.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"" : code;
        var index = NumberFormats.IndexOf(code);
        if (index < 0)
        {
            index = NumberFormats.Count;
            NumberFormats.Add(code);
        }

        return new SheetCell(text, percent ? n / 100m : n, CellStyle.Number, Format: index);
    }

    private static SheetCell Figure(TableCell cell) => cell switch
    {
        { Kind: CellKind.Number, Number: { } n } => new SheetCell(null, n, CellStyle.Number),
        { Kind: CellKind.Percent, Number: { } p } => new SheetCell(null, p / 100m, CellStyle.Percent),
        _ => new SheetCell(cell.Text, null, CellStyle.Dash),
    };

    private static int[] Spread(int width, int parts)
    {
        var spans = Enumerable.Repeat(Math.Max(1, width / parts), parts).ToArray();
        for (var i = 0; spans.Sum() < width; i = (i + 1) % parts)
        {
            spans[i]++;
        }

        return spans;
    }

    private void Put(int row, int column, SheetCell cell, int rowSpan = 1, int columnSpan = 1)
    {
        rowSpan = Math.Max(1, rowSpan);
        columnSpan = Math.Max(1, columnSpan);
        for (var r = row; r < row + rowSpan; r++)
        {
            for (var c = column; c < column + columnSpan; c++)
            {
                cells[(r, c)] = r == row && c == column
                    ? cell with { RowSpan = rowSpan, ColumnSpan = columnSpan }
                    : new SheetCell(null, null, cell.Style, Covered: true);
            }
        }

        if (rowSpan > 1 || columnSpan > 1)
        {
            merges.Add((row, column, row + rowSpan - 1, column + columnSpan - 1));
        }
    }

    private void SizeColumns(SelfEvaluationTable table, IReadOnlyList<string> columns)
    {
        var l = table.Labels;
        var zh = table.Options.Chinese;
        var first = IndicatorHeaderRow + 1;

        // The widest content of a column in the indicator block, headers included.
        double Widest(int column, double min, double max)
        {
            var widest = DisplayWidth(columns[column - 1]) + 2;
            for (var r = first; r <= Rows; r++)
            {
                if (this[r, column] is { Covered: false, ColumnSpan: 1 } cell)
                {
                    var text = cell switch
                    {
                        { Text: { } t } => t,
                        { Number: { } n, Style: CellStyle.Percent } => (n * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
                        { Number: { } n } => n.ToString("0.00", CultureInfo.InvariantCulture),
                        _ => string.Empty,
                    };
                    widest = Math.Max(widest, DisplayWidth(text) + 2);
                }
            }

            return Math.Clamp(widest, min, max);
        }

        for (var c = 1; c <= Columns; c++)
        {
            var label = columns[c - 1];
            ColumnWidths[c] = label switch
            {
                _ when label == l.Level1 || label == l.Level2 => Widest(c, zh ? 10 : 12, 20),
                _ when label == l.Level3 => Widest(c, 24, 40),
                _ when label == l.Comparison => Widest(c, 9, 14),
                _ when label == l.Unit => Widest(c, 9, 14),
                _ when label == l.Target || label == l.Actual => Widest(c, 12, 24),
                _ when label == l.Deviation => zh ? 44 : 50,
                _ => Widest(c, 11, 14),
            };
        }
    }

    /// <summary>Widens the columns under one-column header cells so that no word of a header breaks inside.</summary>
    private void FitHeaderWords()
    {
        foreach (var ((_, column), cell) in cells)
        {
            if (cell is { Covered: false, ColumnSpan: 1, Style: CellStyle.Header, Text: { } text })
            {
                ColumnWidths[column] = Math.Max(ColumnWidths[column], LongestWord(text) + 2);
            }
        }
    }

    /// <summary>The widest run of text that cannot be broken: a word of Latin text; Chinese breaks after any character.</summary>
    private static double LongestWord(string text)
    {
        double longest = 0, run = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                run = 0;
            }
            else if (IsWide(rune.Value))
            {
                run = 2;
            }
            else
            {
                run++;
            }

            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private void SizeRows()
    {
        for (var r = 2; r <= Rows; r++)
        {
            var lines = 1;
            for (var c = 1; c <= Columns; c++)
            {
                if (this[r, c] is { Covered: false, RowSpan: 1, Text: { Length: > 0 } text } cell)
                {
                    var width = Enumerable.Range(c, cell.ColumnSpan).Sum(x => ColumnWidths[x]) - 1.5;
                    lines = Math.Max(lines, Lines(text, width));
                }
            }

            RowHeights[r] = Math.Round((lines * LineHeight) + 5, 1);
        }
    }

    private static int Lines(string text, double width)
    {
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            // Latin text breaks at spaces, so it fills its lines less well than Chinese: allow for that.
            var w = DisplayWidth(paragraph);
            var latin = paragraph.Length > 0 && w < paragraph.Length * 1.5 ? 1.15 : 1.0;
            lines += Math.Max(1, (int)Math.Ceiling(w * latin / Math.Max(1, width)));
        }

        return lines;
    }
}

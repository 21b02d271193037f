using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace PerfEval.Import;

/// <summary>
/// Reads the sheets of an Excel 97–2003 workbook (.xls, BIFF8) with ExcelDataReader into grids, with merged cells and
/// numbers as the sheet shows them. Old workbooks store text in code pages (GBK for Chinese), hence the code-page provider.
/// </summary>
internal static class XlsGridReader
{
    static XlsGridReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads every sheet of a workbook.</summary>
    /// <param name="stream">The workbook; it must be seekable.</param>
    /// <returns>The grids, one per sheet.</returns>
    public static IReadOnlyList<Grid> Read(Stream stream)
    {
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
        var grids = new List<Grid>();
        do
        {
            var name = reader.Name ?? "Sheet";
            var spans = new Dictionary<(int, int), (int Rows, int Columns)>();
            var covered = new HashSet<(int, int)>();
            foreach (var m in reader.MergeCells ?? [])
            {
                var at = (m.FromRow + 1, m.FromColumn + 1);
                spans[at] = (m.ToRow - m.FromRow + 1, m.ToColumn - m.FromColumn + 1);
                for (var r = m.FromRow + 1; r <= m.ToRow + 1; r++)
                {
                    for (var c = m.FromColumn + 1; c <= m.ToColumn + 1; c++)
                    {
                        if ((r, c) != at)
                        {
                            covered.Add((r, c));
                        }
                    }
                }
            }

            var grid = new Grid();
            var row = 0;
            while (reader.Read())
            {
                row++;
                for (var c = 1; c <= reader.FieldCount; c++)
                {
                    var at = (row, c);
                    if (covered.Contains(at))
                    {
                        continue;
                    }

                    var (text, number, percent) = Value(reader, c - 1);
                    var span = spans.GetValueOrDefault(at, (1, 1));
                    if (text.Length == 0 && number is null && span == (1, 1))
                    {
                        continue;
                    }

                    grid.Add(new GridCell(row, c, text)
                    {
                        Number = number,
                        IsPercent = percent,
                        RowSpan = span.Item1,
                        ColumnSpan = span.Item2,
                        Reference = $"{name}!{XlsxGridReader.Reference(row, c)}",
                        Position = at,
                    });
                }
            }

            grids.Add(grid);
        }
        while (reader.NextResult());

        return grids;
    }

    private static (string Text, decimal? Number, bool Percent) Value(IExcelDataReader reader, int index)
    {
        switch (reader.GetValue(index))
        {
            case null:
                return (string.Empty, null, false);
            case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e27:
                var format = CellNumber.Of(reader.GetNumberFormatString(index));
                var shown = format.Shown(decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture));
                return (format.Text(shown), shown, format.IsPercent);
            case DateTime date:
                return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, false);
            case var other:
                return (Grid.Clean(Convert.ToString(other, CultureInfo.InvariantCulture)), null, false);
        }
    }
}

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
            var merges = new SheetMerges((reader.MergeCells ?? []).Select(m => (m.FromRow + 1, m.FromColumn + 1, m.ToRow + 1, m.ToColumn + 1)));
            var grid = new Grid();
            var row = 0;
            while (reader.Read())
            {
                row++;
                for (var c = 1; c <= reader.FieldCount; c++)
                {
                    if (!merges.Covers((row, c)) && merges.Cell(name, (row, c), Value(reader, c - 1)) is { } read)
                    {
                        grid.Add(read);
                    }
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

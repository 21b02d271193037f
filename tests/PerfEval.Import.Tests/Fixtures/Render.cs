using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using NPOI.HSSF.UserModel;
using NPOI.SS.Util;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PerfEval.Import.Tests.Fixtures;

/// <summary>Writes a <see cref="TableSpec"/> as a file of each format the importer reads.</summary>
public static class Render
{
    public static byte[] As(TableSpec spec, SubmissionFormat format) => format switch
    {
        SubmissionFormat.Html => Html(spec),
        SubmissionFormat.Docx => Docx(spec),
        SubmissionFormat.Xlsx => Xlsx(spec),
        SubmissionFormat.Xls => Xls(spec),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static byte[] Html(TableSpec spec, string charset = "utf-8")
    {
        var sb = new StringBuilder($"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>自评表</title></head><body>\n<table border=\"1\">\n");
        foreach (var row in spec.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td");
                if (cell.RowSpan > 1)
                {
                    sb.Append(System.Globalization.CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                }

                if (cell.ColSpan > 1)
                {
                    sb.Append(System.Globalization.CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"");
                }

                sb.Append('>').Append(string.Join("<br>", cell.Text.Split('\n').Select(WebUtility.HtmlEncode))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table></body></html>\n");
        return Encoding.GetEncoding(charset).GetBytes(sb.ToString());
    }

    public static byte[] Docx(TableSpec spec)
    {
        var placed = spec.Placed();
        var columns = placed.Max(p => p.Column + p.Cell.ColSpan);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var table = new W.Table(new W.TableProperties(new W.TableBorders(new W.TopBorder { Val = W.BorderValues.Single }, new W.InsideHorizontalBorder { Val = W.BorderValues.Single })));
            table.Append(new W.TableGrid(Enumerable.Range(0, columns).Select(_ => new W.GridColumn { Width = "1200" })));
            for (var r = 0; r < spec.Rows.Count; r++)
            {
                var row = new W.TableRow();
                for (var c = 0; c < columns;)
                {
                    var starts = placed.FirstOrDefault(p => p.Row == r && p.Column == c);
                    var above = placed.FirstOrDefault(p => p.Row < r && p.Row + p.Cell.RowSpan > r && p.Column == c);
                    if (starts.Cell is { } cell)
                    {
                        var properties = new W.TableCellProperties();
                        if (cell.ColSpan > 1)
                        {
                            properties.Append(new W.GridSpan { Val = cell.ColSpan });
                        }

                        if (cell.RowSpan > 1)
                        {
                            properties.Append(new W.VerticalMerge { Val = W.MergedCellValues.Restart });
                        }

                        var tc = new W.TableCell(properties);
                        foreach (var line in cell.Text.Split('\n'))
                        {
                            tc.Append(new W.Paragraph(new W.Run(new W.Text(line) { Space = SpaceProcessingModeValues.Preserve })));
                        }

                        row.Append(tc);
                        c += cell.ColSpan;
                    }
                    else if (above.Cell is { } merged)
                    {
                        var properties = new W.TableCellProperties(new W.VerticalMerge());
                        if (merged.ColSpan > 1)
                        {
                            properties.PrependChild(new W.GridSpan { Val = merged.ColSpan });
                        }

                        row.Append(new W.TableCell(properties, new W.Paragraph()));
                        c += merged.ColSpan;
                    }
                    else
                    {
                        row.Append(new W.TableCell(new W.Paragraph()));
                        c++;
                    }
                }

                table.Append(row);
            }

            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("附件"))), table));
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx(TableSpec spec)
    {
        var placed = spec.Placed();
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var formats = placed.Select(p => p.Cell.Format).OfType<string>().Distinct().ToList();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new X.Stylesheet(
                new X.NumberingFormats(formats.Select((f, i) => new X.NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f })),
                new X.Fonts(new X.Font()),
                new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }), new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 })),
                new X.Borders(new X.Border()),
                new X.CellStyleFormats(new X.CellFormat()),
                new X.CellFormats(new[] { new X.CellFormat() }.Concat(formats.Select((_, i) => new X.CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true }))));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new X.SheetData();
            foreach (var group in placed.GroupBy(p => p.Row).OrderBy(g => g.Key))
            {
                var row = new X.Row { RowIndex = (uint)(group.Key + 1) };
                foreach (var (r, c, cell) in group.OrderBy(p => p.Column))
                {
                    var reference = XlsxGridReader.Reference(r + 1, c + 1);
                    row.Append(cell.Number is { } n
                        ? new X.Cell { CellReference = reference, CellValue = new X.CellValue(n.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), StyleIndex = cell.Format is { } f ? (uint)(formats.IndexOf(f) + 1) : 0U }
                        : new X.Cell { CellReference = reference, DataType = X.CellValues.InlineString, InlineString = new X.InlineString(new X.Text(cell.Text)) });
                }

                data.Append(row);
            }

            var worksheet = new X.Worksheet(data);
            var merges = placed.Where(p => p.Cell.RowSpan > 1 || p.Cell.ColSpan > 1).ToList();
            if (merges.Count > 0)
            {
                worksheet.Append(new X.MergeCells(merges.Select(p => new X.MergeCell { Reference = $"{XlsxGridReader.Reference(p.Row + 1, p.Column + 1)}:{XlsxGridReader.Reference(p.Row + p.Cell.RowSpan, p.Column + p.Cell.ColSpan)}" })));
            }

            sheetPart.Worksheet = worksheet;
            workbook.Workbook = new X.Workbook(new X.Sheets(new X.Sheet { Name = "Sheet1", SheetId = 1U, Id = workbook.GetIdOfPart(sheetPart) }));
        }

        return buffer.ToArray();
    }

    public static byte[] Xls(TableSpec spec)
    {
        var workbook = new HSSFWorkbook();
        var sheet = workbook.CreateSheet("自评表");
        var formats = new Dictionary<string, NPOI.SS.UserModel.ICellStyle>();
        foreach (var (r, c, cell) in spec.Placed())
        {
            var row = sheet.GetRow(r) ?? sheet.CreateRow(r);
            var xls = row.CreateCell(c);
            if (cell.Number is { } n)
            {
                xls.SetCellValue(n);
                if (cell.Format is { } f)
                {
                    if (!formats.TryGetValue(f, out var style))
                    {
                        style = workbook.CreateCellStyle();
                        style.DataFormat = workbook.CreateDataFormat().GetFormat(f);
                        formats[f] = style;
                    }

                    xls.CellStyle = style;
                }
            }
            else
            {
                xls.SetCellValue(cell.Text);
            }

            if (cell.RowSpan > 1 || cell.ColSpan > 1)
            {
                sheet.AddMergedRegion(new CellRangeAddress(r, r + cell.RowSpan - 1, c, c + cell.ColSpan - 1));
            }
        }

        using var buffer = new MemoryStream();
        workbook.Write(buffer);
        return buffer.ToArray();
    }
}

using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PerfEval.Import;

/// <summary>
/// Reads the tables of an HTML page (AngleSharp, which detects the page's encoding from its BOM or meta charset, GBK
/// included) into one grid: tables that hold no other table, one below the other, with rowspan and colspan.
/// </summary>
internal static class HtmlGridReader
{
    private const int MaxSpan = 1000;

    static HtmlGridReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads a page.</summary>
    /// <param name="bytes">The page's bytes.</param>
    /// <returns>The grid of its tables.</returns>
    public static Grid Read(byte[] bytes)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = parser.ParseDocument(stream);
        var builder = new GridBuilder();
        var number = 0;
        foreach (var table in document.QuerySelectorAll("table").OfType<IHtmlTableElement>().Where(t => t.QuerySelector("table") is null))
        {
            number++;
            builder.NextTable();
            var rowNumber = 0;
            foreach (var row in table.Rows)
            {
                rowNumber++;
                var cellNumber = 0;
                var column = 1;
                foreach (var cell in row.Cells)
                {
                    cellNumber++;
                    var position = cell.SourceReference?.Position;
                    var read = new GridCell(0, 0, Grid.Clean(Text(cell)))
                    {
                        RowSpan = Math.Clamp(cell.RowSpan, 1, MaxSpan),
                        ColumnSpan = Math.Clamp(cell.ColumnSpan, 1, MaxSpan),
                        Reference = $"table[{number}].rows[{rowNumber}].cells[{cellNumber}]",
                        Position = position is { } p ? (p.Line, p.Column) : (rowNumber, cellNumber),
                    };
                    column = builder.Place(rowNumber, column, read) + read.ColumnSpan;
                }
            }
        }

        return builder.Build();
    }

    /// <summary>A cell's text with its line breaks (br, paragraphs, divs) kept as \n and other white space collapsed.</summary>
    private static string Text(INode node)
    {
        var sb = new StringBuilder();
        Append(node, sb);
        return string.Join('\n', sb.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0));
    }

    private static void Append(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement { LocalName: "br" }:
                    sb.Append('\n');
                    break;
                case IElement { LocalName: "script" or "style" }:
                    break;
                case IElement { LocalName: "p" or "div" or "li" } block:
                    sb.Append('\n');
                    Append(block, sb);
                    sb.Append('\n');
                    break;
                default:
                    Append(child, sb);
                    break;
            }
        }
    }
}

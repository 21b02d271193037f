namespace PerfEval.Import;

/// <summary>The file formats a submitted self-evaluation table is read from.</summary>
public enum SubmissionFormat
{
    /// <summary>An Excel workbook (.xlsx), read with DocumentFormat.OpenXml.</summary>
    Xlsx,

    /// <summary>An Excel 97–2003 workbook (.xls, BIFF8), read with ExcelDataReader.</summary>
    Xls,

    /// <summary>A Word document (.docx): its tables, read with DocumentFormat.OpenXml.</summary>
    Docx,

    /// <summary>An HTML page (.html, .htm): its tables, read with AngleSharp.</summary>
    Html,

    /// <summary>A PDF with a text layer: its table rebuilt from the positions of the words, read with PdfPig.</summary>
    Pdf,
}

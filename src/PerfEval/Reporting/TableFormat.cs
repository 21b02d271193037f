namespace PerfEval.Reporting;

/// <summary>The text formats of the self-evaluation table (the workbook is written by PerfEval.Excel).</summary>
public enum TableFormat
{
    /// <summary>Markdown (GitHub tables), as <see cref="TableWriters.ToMarkdown"/>.</summary>
    Markdown,

    /// <summary>CSV (RFC 4180), as <see cref="TableWriters.ToCsv"/>; written to a stream with a UTF-8 byte-order mark so that spreadsheets read its Chinese text.</summary>
    Csv,

    /// <summary>One self-contained HTML page, as <see cref="TableWriters.ToHtml"/>.</summary>
    Html,
}

namespace PerfEval.Excel;

/// <summary>The cell styles of the workbook; the values are the indexes into its <c>cellXfs</c>.</summary>
internal enum CellStyle : uint
{
    /// <summary>No formatting (outside the table).</summary>
    Default = 0,

    /// <summary>The title: large, bold, centred, no border.</summary>
    Title = 1,

    /// <summary>A header cell: bold, light fill, centred, wrapped, bordered.</summary>
    Header = 2,

    /// <summary>Text: left, wrapped, bordered.</summary>
    Text = 3,

    /// <summary>A section label (项目资金, 一级指标 and 二级指标 cells): bold, centred, wrapped, bordered.</summary>
    Section = 4,

    /// <summary>A number with two decimals ("0.00"), bordered.</summary>
    Number = 5,

    /// <summary>A fraction shown as a percentage with two decimals ("0.00%"), bordered.</summary>
    Percent = 6,

    /// <summary>A dash or short text in a figure column: right-aligned, bordered.</summary>
    Dash = 7,
}

using DocumentFormat.OpenXml.Spreadsheet;

namespace PerfEval.Excel.Tests;

/// <summary>One cell as read back from a workbook.</summary>
public sealed record ReadCell(int Row, int Column, string Reference, string? Text, decimal? Number, CellValues? DataType, string NumberFormat, uint StyleIndex);

namespace PerfEval.Reporting;

/// <summary>What a table cell holds, so that writers can keep numbers as numbers.</summary>
public enum CellKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A number (points, money) shown with two decimals.</summary>
    Number,

    /// <summary>A percentage: <see cref="TableCell.Number"/> is in percent (99.57), shown with two decimals and %.</summary>
    Percent,
}

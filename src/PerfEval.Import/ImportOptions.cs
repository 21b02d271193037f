using System.Globalization;

namespace PerfEval.Import;

/// <summary>What the importer is told besides the file: what the table does not say, and the language of its findings.</summary>
public sealed record ImportOptions
{
    /// <summary>The indicator set's id; by default made from the file's name (letters, digits and hyphens), else <c>imported</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The budget year, when the table's title does not state it (a year given here wins over the title's).</summary>
    public int? Year { get; init; }

    /// <summary>
    /// The scoring policy the set names (<c>mof-2020</c>, <c>regional-budget20</c>…); null for the evaluator's. A table does
    /// not say which policy it was scored under; this policy's bands also read the grade of a qualitative indicator
    /// from its stated score when no grade word is written (PE6009).
    /// </summary>
    public string? PolicyName { get; init; }

    /// <summary>The language of the findings' messages; the current UI culture when null.</summary>
    public CultureInfo? Culture { get; init; }

    /// <summary>The file's name in findings' locations, for a stream; a path's file name is used by default.</summary>
    public string? SourceName { get; init; }
}

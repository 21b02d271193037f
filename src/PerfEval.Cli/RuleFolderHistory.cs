using System.Globalization;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary>
/// The actuals of a rule folder over time (docs/monitoring.md): <c>actuals.json</c> is the year end,
/// <c>monitoring/*.json</c> are monitoring points (each with its <c>asOf</c> date, the latest last), and
/// <c>actuals.&lt;year&gt;.json</c> is the actuals of an earlier year (the previous year's for a target review).
/// </summary>
internal static class RuleFolderHistory
{
    public const string MonitoringFolder = "monitoring";

    /// <summary>The monitoring files of a folder, by name; empty when it has none.</summary>
    public static string[] MonitoringFiles(string folder)
    {
        var sub = Path.Combine(folder, MonitoringFolder);
        return Directory.Exists(sub) ? [.. Directory.GetFiles(sub, "*.json").Order(StringComparer.Ordinal)] : [];
    }

    /// <summary>The previous year's actuals file of a folder (<c>actuals.&lt;year - 1&gt;.json</c>), when there is one.</summary>
    public static string? PreviousYearFile(string folder, int year)
    {
        var file = Path.Combine(folder, $"actuals.{(year - 1).ToString(CultureInfo.InvariantCulture)}.json");
        return File.Exists(file) ? file : null;
    }

    /// <summary>
    /// Reads the monitoring points of a folder and returns the latest (by as-of date, then by file name), with the
    /// diagnostics of every file read; null when there is none or none can be read.
    /// </summary>
    public static (ProgrammeActuals? Latest, string? File, List<Diagnostic> Diagnostics) LatestPoint(string folder)
    {
        var diagnostics = new List<Diagnostic>();
        ProgrammeActuals? latest = null;
        string? latestFile = null;
        foreach (var file in MonitoringFiles(folder))
        {
            var read = PerfEvalJson.ReadActualsFile(file);
            diagnostics.AddRange(read.Diagnostics);
            if (read.Value is { } point && (latest is null || (point.AsOf ?? DateOnly.MinValue) >= (latest.AsOf ?? DateOnly.MinValue)))
            {
                latest = point;
                latestFile = file;
            }
        }

        return (latest, latestFile, diagnostics);
    }

    /// <summary>The folder an indicator-set path stands for: the folder itself, or the folder of an indicators.json.</summary>
    public static string FolderOf(string path) => Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

    /// <summary>Reads the indicator set of a folder or file; null (after printing why) when it cannot be read.</summary>
    public static IndicatorSet? ReadSet(string path, TextWriter error)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, PerfEvalJson.IndicatorSetFileName) : path;
        var read = PerfEvalJson.ReadIndicatorSetFile(file);
        if (read.Value is null)
        {
            CliApp.WriteDiagnostics(read.Diagnostics, error);
        }

        return read.Value;
    }
}

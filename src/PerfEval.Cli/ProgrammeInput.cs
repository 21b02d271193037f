using PerfEval.Loading;

namespace PerfEval.Cli;

/// <summary>One programme to evaluate: its indicator-set file and its actuals file, and its folder when it was given as one.</summary>
internal sealed record ProgrammeInput(string IndicatorSetPath, string ActualsPath, string? Folder = null)
{
    /// <summary>
    /// Reads the programme. A folder's own policy.json applies to a set that names no policy, unless the command's
    /// --policy says otherwise (<paramref name="folderPolicy"/> false): the set's policy, then --policy, then policy.json.
    /// </summary>
    public LoadResult<Programme> Read(bool folderPolicy) =>
        folderPolicy && Folder is { } folder ? PerfEvalJson.ReadProgrammeFolder(folder) : PerfEvalJson.ReadProgrammeFiles(IndicatorSetPath, ActualsPath);
}

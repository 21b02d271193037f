using PerfEval.Loading;

namespace PerfEval.Batch;

/// <summary>One programme of a batch: a name for reports, and how to get the programme (already loaded, or JSON to read).</summary>
public sealed partial class BatchInput
{
    private readonly Func<LoadResult<Programme>> _load;

    private BatchInput(string name, Func<LoadResult<Programme>> load, bool readsAnew = true)
    {
        Name = name;
        _load = load;
        ReadsAnew = readsAnew;
    }

    /// <summary>A name for the programme in progress reports and results (its folder, its id…).</summary>
    public string Name { get; private set; }

    /// <summary>A programme already loaded or built in code.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="name">A name; the indicator set's id when null.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromProgramme(Programme programme, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var loaded = new LoadResult<Programme>(programme, []);
        return new BatchInput(name ?? programme.IndicatorSet.Id, () => loaded, readsAnew: false);
    }

    /// <summary>A programme given as the JSON text of its indicator set and of its actuals; read when it is evaluated.</summary>
    /// <param name="indicatorSetJson">The indicator set's JSON.</param>
    /// <param name="actualsJson">The actuals' JSON.</param>
    /// <param name="name">A name for the programme.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromJson(string indicatorSetJson, string actualsJson, string name)
    {
        ArgumentNullException.ThrowIfNull(indicatorSetJson);
        ArgumentNullException.ThrowIfNull(actualsJson);
        ArgumentNullException.ThrowIfNull(name);
        return new BatchInput(name, () =>
        {
            var set = PerfEvalJson.ReadIndicatorSet(indicatorSetJson, name + "/" + PerfEvalJson.IndicatorSetFileName);
            var actuals = PerfEvalJson.ReadActuals(actualsJson, name + "/" + PerfEvalJson.ActualsFileName);
            return Combine(set, actuals);
        });
    }

    /// <summary>A programme folder (indicators.json and actuals.json); read when it is evaluated.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return new BatchInput(folder, () => PerfEvalJson.ReadProgrammeFolder(folder));
    }

    /// <summary>A programme from an indicator-set file and an actuals file; read when it is evaluated.</summary>
    /// <param name="indicatorSetPath">The indicator set's file.</param>
    /// <param name="actualsPath">The actuals' file.</param>
    /// <param name="name">A name; the folder of the indicator set when null.</param>
    /// <returns>The input.</returns>
    public static BatchInput FromFiles(string indicatorSetPath, string actualsPath, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(indicatorSetPath);
        ArgumentNullException.ThrowIfNull(actualsPath);
        return new BatchInput(name ?? Path.GetDirectoryName(indicatorSetPath) ?? indicatorSetPath, () => PerfEvalJson.ReadProgrammeFiles(indicatorSetPath, actualsPath));
    }

    internal LoadResult<Programme> Load() => _load();

    /// <summary>
    /// Whether each load reads the programme anew, so that its indicator set is an instance no one else holds: its
    /// plan is made for one evaluation and not kept in the evaluator's cache (where it would only push out the plans
    /// of sets that are used again). False for <see cref="FromProgramme"/>.
    /// </summary>
    internal bool ReadsAnew { get; }

    /// <summary>An input read by <paramref name="load"/> when it is evaluated (a line of JSON Lines, …).</summary>
    internal static BatchInput Lazy(string name, Func<LoadResult<Programme>> load) => new(name, load);

    internal static LoadResult<Programme> Combine(LoadResult<Indicators.IndicatorSet> set, LoadResult<Actuals.ProgrammeActuals> actuals) =>
        new(set.Value is not null && actuals.Value is not null ? new Programme(set.Value, actuals.Value) : null, set.Diagnostics.AddRange(actuals.Diagnostics));
}

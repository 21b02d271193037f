namespace PerfEval.Cli;

/// <summary>One programme to evaluate: its indicator-set file and its actuals file.</summary>
internal sealed record ProgrammeInput(string IndicatorSetPath, string ActualsPath);

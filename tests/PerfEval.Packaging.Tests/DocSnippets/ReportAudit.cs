using PerfEval.Audit;
using PerfEval.Evaluation;
using PerfEval.Loading;

namespace Samples;

public static class ReportAudit
{
    /// <summary>Recomputes the figures a submitted report states (the actuals' "stated" block) and lists what disagrees.</summary>
    public static AuditResult Audit(string folder, TextWriter output)
    {
        Programme programme = PerfEvalJson.ReadProgrammeFolder(folder).GetValueOrThrow();
        EvaluationResult evaluation = new Evaluator().Evaluate(programme);
        AuditResult audit = Auditor.Audit(evaluation, programme.Actuals);

        foreach (var comparison in audit.Comparisons.Where(c => !c.Agrees))
        {
            output.WriteLine($"{comparison.Label}: stated {comparison.Stated}, recomputed {comparison.Recomputed} ({comparison.Path})");
        }

        foreach (var finding in audit.Findings)   // PE4xxx first, then the evaluation's own findings
        {
            output.WriteLine(finding);
        }

        return audit;   // audit.HasErrors; AuditJson.ToJson(audit) for the JSON form
    }
}

using System.Globalization;
using PerfEval.Diagnostics;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Evaluation;

/// <summary>Options of an <see cref="Evaluator"/>; hosts set them through <c>services.AddPerfEval(…)</c>.</summary>
public sealed class PerfEvalOptions
{
    /// <summary>The scoring policy for indicator sets that name none; <see cref="ScoringPolicy.Mof2020"/> by default.</summary>
    public ScoringPolicy Policy { get; set; } = ScoringPolicy.Mof2020;

    /// <summary>The policies indicator sets may name; <see cref="PolicyCatalog.BuiltIn"/> when null.</summary>
    public PolicyCatalog? Policies { get; set; }

    /// <summary>The message templates of the findings; <see cref="MessageCatalog.Default"/> when null.</summary>
    public MessageCatalog? Messages { get; set; }

    /// <summary>
    /// The language of the findings' messages and of the reason categories' labels (any <c>zh</c> culture gives
    /// Chinese; others English, or a host's templates for that culture). When null, each evaluation uses the
    /// <see cref="CultureInfo.CurrentUICulture"/> of the thread that calls it.
    /// </summary>
    public CultureInfo? Culture { get; set; }

    /// <summary>Rule templates (reason rules, consistency rules, reason categories) applied to every indicator set.</summary>
    public IList<RuleTemplate> RuleTemplates { get; } = [];

    /// <summary>
    /// The most evaluation plans the evaluator keeps (a plan is an indicator set checked, compiled and bound to
    /// its policy; evaluating the same set instance again reuses it). Default 256; 0 keeps none.
    /// </summary>
    public int PlanCacheCapacity { get; set; } = 256;
}

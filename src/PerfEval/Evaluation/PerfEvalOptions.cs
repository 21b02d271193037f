using System.Globalization;
using PerfEval.Diagnostics;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Evaluation;

/// <summary>
/// Options of an <see cref="Evaluator"/>. Hosts set them through <c>services.AddPerfEval(…)</c>, which follows the
/// options pattern: <c>services.Configure&lt;PerfEvalOptions&gt;(…)</c>, a configuration section
/// (<c>Culture</c>, <c>PolicyName</c>, <c>PlanCacheCapacity</c>) and named options for keyed evaluators all apply,
/// and the options are validated when the host starts (docs/api.md, "Dependency injection").
/// </summary>
public sealed class PerfEvalOptions
{
    /// <summary>The scoring policy for indicator sets that name none; <see cref="ScoringPolicy.Mof2020"/> by default. <see cref="PolicyName"/>, when set, takes its place.</summary>
    public ScoringPolicy Policy { get; set; } = ScoringPolicy.Mof2020;

    /// <summary>
    /// The name of the scoring policy for indicator sets that name none, looked up in <see cref="Policies"/> (the
    /// built-in ones when that is null): the way a configuration file chooses a policy (<c>"PolicyName": "mof-2020"</c>).
    /// When set, it takes the place of <see cref="Policy"/>; an unknown name fails validation.
    /// </summary>
    public string? PolicyName { get; set; }

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

    /// <summary>What could not be bound from configuration (a key PerfEval does not know, a value it cannot read); reported by validation.</summary>
    internal List<string> BindingProblems { get; } = [];

    /// <summary>The policy these options choose: the one <see cref="PolicyName"/> names, else <see cref="Policy"/>; null when the name is unknown.</summary>
    internal ScoringPolicy? ChosenPolicy(out PolicyCatalog catalog)
    {
        catalog = Policies ?? PolicyCatalog.BuiltIn;
        if (PolicyName is null)
        {
            return Policy;
        }

        return catalog.TryGet(PolicyName, out var named) ? named : null;
    }
}

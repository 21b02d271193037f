using System.Collections.Immutable;
using System.Globalization;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Preparation;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Evaluation;

/// <summary>
/// The evaluator: budget execution, completion rates, scores, weights filled by the policy, total and grade.
/// Holds no mutable state, so one instance serves every thread.
/// </summary>
public sealed class Evaluator : IEvaluator
{
    private readonly Planner _planner;
    private readonly PlanCache _plans;
    private readonly Func<IndicatorSet, EvaluationPlan> _prepare;

    /// <summary>Creates an evaluator with the national default policy (<c>mof-2020</c>) and the built-in policy catalogue.</summary>
    public Evaluator()
        : this(new PerfEvalOptions())
    {
    }

    /// <summary>Creates an evaluator with a scoring policy and the built-in policy catalogue.</summary>
    /// <param name="policy">The policy for sets that name none.</param>
    /// <exception cref="ArgumentException">The policy's values do not fit together.</exception>
    public Evaluator(ScoringPolicy policy)
        : this(new PerfEvalOptions { Policy = policy ?? throw new ArgumentNullException(nameof(policy)) }, nameof(policy))
    {
    }

    /// <summary>Creates an evaluator from options: the default policy, the policy catalogue and the rule templates.</summary>
    /// <param name="options">The options; they are copied, so later changes to them do not reach this evaluator.</param>
    /// <exception cref="ArgumentException">The policy's values do not fit together, or a rule template has errors.</exception>
    public Evaluator(PerfEvalOptions options)
        : this(options, nameof(options))
    {
    }

    /// <summary>Creates an evaluator from options; <paramref name="parameter"/> names the caller's parameter in exceptions.</summary>
    private Evaluator(PerfEvalOptions options, string parameter)
    {
        ArgumentNullException.ThrowIfNull(options, parameter);
        var policy = options.ChosenPolicy(out var catalog);
        if (policy is null)
        {
            throw options.PolicyName is null
                ? new ArgumentNullException(parameter, "PerfEvalOptions.Policy is null.")
                : new ArgumentException($"PerfEvalOptions.PolicyName '{options.PolicyName}' names no policy; known: {string.Join(", ", catalog.Names)}.", parameter);
        }

        var problems = PolicyOverrides.Problems(policy).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The scoring policy '{policy.Name}' is inconsistent: {string.Join("; ", problems.Select(p => MessageCatalog.Default.Text(p, CultureInfo.InvariantCulture)))}", parameter);
        }

        Policy = policy;
        Policies = catalog.With(policy);
        Templates = [.. options.RuleTemplates];
        MessageCatalog = options.Messages ?? MessageCatalog.Default;
        Culture = options.Culture;
        var templateRules = Planner.CompileTemplates(Templates, out var templateProblems);
        if (templateProblems.Count > 0)
        {
            var (id, errors) = templateProblems[0];
            throw new ArgumentException($"The rule template '{id}' has errors: {string.Join("; ", errors)}", parameter);
        }

        _planner = new Planner(Policy, Policies, templateRules);
        _plans = new PlanCache(options.PlanCacheCapacity);
        _prepare = _planner.Prepare;
    }

    /// <summary>The scoring policy for sets that name none.</summary>
    public ScoringPolicy Policy { get; }

    /// <summary>The policies a set may name (the built-in ones, those given in the options, and <see cref="Policy"/>).</summary>
    public PolicyCatalog Policies { get; }

    /// <summary>The message templates of the findings this evaluator makes.</summary>
    public MessageCatalog MessageCatalog { get; }

    /// <summary>
    /// The language of the findings when a call names none; <see langword="null"/> for the UI culture of the thread that
    /// calls <see cref="Evaluate(IndicatorSet, ProgrammeActuals)"/>. The overloads that take a culture ignore it.
    /// </summary>
    public CultureInfo? Culture { get; }

    /// <summary>The rule templates applied to every set, before the set's own rules.</summary>
    public ImmutableArray<RuleTemplate> Templates { get; }

    /// <inheritdoc />
    public EvaluationResult Evaluate(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return EvaluateIn(programme.IndicatorSet, programme.Actuals, Culture ?? CultureInfo.CurrentUICulture);
    }

    /// <inheritdoc />
    public EvaluationResult Evaluate(IndicatorSet indicatorSet, ProgrammeActuals actuals) =>
        EvaluateIn(indicatorSet, actuals, Culture ?? CultureInfo.CurrentUICulture);

    /// <inheritdoc />
    public EvaluationResult EvaluateIn(Programme programme, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return EvaluateIn(programme.IndicatorSet, programme.Actuals, culture);
    }

    /// <inheritdoc />
    public EvaluationResult EvaluateIn(IndicatorSet indicatorSet, ProgrammeActuals actuals, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(indicatorSet);
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(culture);
        return EvaluationRun.Evaluate(_plans.GetOrAdd(indicatorSet, _prepare), actuals, new DiagnosticBag(MessageCatalog, culture));
    }

    /// <summary>How many plans the evaluator's cache holds now (for tests).</summary>
    internal int PlansKept => _plans.Count;

    /// <summary>
    /// Evaluates a set that will not be evaluated again (read anew by a batch): its plan is made for this evaluation
    /// and not kept, so that a stream of distinct sets neither fills the cache nor keeps every set alive until it is
    /// pushed out.
    /// </summary>
    internal EvaluationResult EvaluateOnce(IndicatorSet indicatorSet, ProgrammeActuals actuals, CultureInfo culture) =>
        EvaluationRun.Evaluate(_prepare(indicatorSet), actuals, new DiagnosticBag(MessageCatalog, culture));
}

using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Scoring;

namespace PerfEval.Preparation;

/// <summary>
/// Makes evaluation plans: binds each set to its scoring policy (the evaluator's, one named by the set, or one
/// written inline), and puts the templates' rules before the set's own. Holds no mutable state.
/// </summary>
internal sealed class Planner
{
    private readonly ScoringPolicy _policy;
    private readonly PolicyCatalog _policies;
    private readonly CompiledRules _templateRules;

    /// <summary>Creates a planner.</summary>
    /// <param name="policy">The policy of sets that name none.</param>
    /// <param name="policies">The policies a set may name.</param>
    /// <param name="templateRules">The rules of the templates, applied to every set before its own.</param>
    public Planner(ScoringPolicy policy, PolicyCatalog policies, CompiledRules templateRules)
    {
        _policy = policy;
        _policies = policies;
        _templateRules = templateRules;
    }

    /// <summary>Checks and compiles rule templates, each able to use the reason categories of those before it.</summary>
    /// <param name="templates">The templates, in order.</param>
    /// <param name="problems">For each template with errors, its id and the errors.</param>
    /// <returns>The templates' rules, compiled.</returns>
    public static CompiledRules CompileTemplates(IEnumerable<RuleTemplate> templates, out IReadOnlyList<(string Template, ImmutableArray<Diagnostic> Errors)> problems)
    {
        var found = new List<(string, ImmutableArray<Diagnostic>)>();
        var rules = CompiledRules.Empty;
        foreach (var template in templates)
        {
            var check = RuleChecks.Check(template, rules.Categories, SourceMap.Empty);
            var errors = check.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            if (errors.Length > 0)
            {
                found.Add((template.Id, errors));
                continue;
            }

            rules = rules.Then(CompiledRules.From(template, check));
        }

        problems = found;
        return rules;
    }

    /// <summary>The plan of one set.</summary>
    /// <param name="set">The set.</param>
    /// <returns>Its plan.</returns>
    public EvaluationPlan Prepare(IndicatorSet set)
    {
        // A set built in code may leave its indicators unset; the plan (kept under the set as given) holds it with none.
        if (set.Indicators.IsDefault)
        {
            set = set with { Indicators = [] };
        }

        var findings = new DiagnosticBag();
        var policy = BindPolicy(set, findings);
        findings.AddRange(set.ReadWarnings.IsDefault ? [] : set.ReadWarnings);

        // A set read from a file was checked by its reader; one built in code (or changed since) is checked here.
        var check = set.Check is { } read && read.Covers(set) ? read : SetChecks.Run(set);
        findings.AddRange(check.Diagnostics);

        var own = new RuleTemplate { Id = set.Id, ReasonRules = set.ReasonRules, ConsistencyRules = set.ConsistencyRules, ReasonCategories = set.ReasonCategories };
        var rules = _templateRules.Then(CompiledRules.From(own, check.Rules));
        return new EvaluationPlan { Set = set, Policy = policy, Rules = rules, Check = check, Findings = findings.ToImmutable() };
    }

    private ScoringPolicy BindPolicy(IndicatorSet set, DiagnosticBag findings)
    {
        if (PolicyOverrides.Of(set) is { } overrides)
        {
            return overrides.Resolve(_policies.ByName, "$.policy", path => set.Locations[path], findings) ?? _policy;
        }

        if (set.PolicyName is not { } name)
        {
            return _policy;
        }

        if (_policies.TryGet(name, out var named))
        {
            return named;
        }

        findings.Add(DiagnosticCodes.UnknownPolicy, DiagnosticSeverity.Error, "$.policy", set.Locations["$.policy"], ("policy", name), ("known", string.Join(", ", _policies.Names)));
        return _policy;
    }
}

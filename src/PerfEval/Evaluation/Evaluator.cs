using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Scoring;
using System.Runtime.CompilerServices;
using PerfEval.DependencyInjection;

namespace PerfEval.Evaluation;

/// <summary>
/// The evaluator: budget execution, completion rates, scores, weights filled by the policy, total and grade.
/// Holds no mutable state, so one instance serves every thread.
/// </summary>
public sealed class Evaluator : IEvaluator
{
    private readonly ConditionalWeakTable<IndicatorSet, ResolvedSet> _resolved = new();
    private readonly CompiledRules _templateRules;

    /// <summary>Creates an evaluator with the national default policy (<c>mof-2020</c>) and the built-in policy catalogue.</summary>
    public Evaluator()
        : this(new PerfEvalOptions())
    {
    }

    /// <summary>Creates an evaluator with a scoring policy and the built-in policy catalogue.</summary>
    /// <param name="policy">The policy for sets that name none.</param>
    /// <exception cref="ArgumentException">The policy's values do not fit together.</exception>
    public Evaluator(ScoringPolicy policy)
        : this(new PerfEvalOptions { Policy = policy })
    {
    }

    /// <summary>Creates an evaluator from options: the default policy, the policy catalogue and the rule templates.</summary>
    /// <param name="options">The options; they are copied, so later changes to them do not reach this evaluator.</param>
    /// <exception cref="ArgumentException">The policy's values do not fit together, or a rule template has errors.</exception>
    public Evaluator(PerfEvalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Policy);
        var problems = Loading.ScoringPolicyReader.Problems(options.Policy).ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"The scoring policy '{options.Policy.Name}' is inconsistent: {string.Join("; ", problems)}", nameof(options));
        }

        Policy = options.Policy;
        Policies = (options.Policies ?? PolicyCatalog.BuiltIn).With(options.Policy);
        Templates = [.. options.RuleTemplates];
        MessageCatalog = options.Messages ?? MessageCatalog.Default;
        var rules = CompiledRules.Empty;
        foreach (var template in Templates)
        {
            var compiled = CompiledRules.Compile(template.ReasonRules, template.ConsistencyRules, template.ReasonCategories, rules.Categories, SourceMap.Empty);
            if (compiled.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new ArgumentException($"The rule template '{template.Id}' has errors: {string.Join("; ", compiled.Diagnostics)}", nameof(options));
            }

            rules = rules.Then(compiled);
        }

        _templateRules = rules;
    }

    /// <summary>The scoring policy for sets that name none.</summary>
    public ScoringPolicy Policy { get; }

    /// <summary>The policies a set may name (the built-in ones, those given in the options, and <see cref="Policy"/>).</summary>
    public PolicyCatalog Policies { get; }

    /// <summary>The message templates of the findings this evaluator makes.</summary>
    public MessageCatalog MessageCatalog { get; }

    /// <summary>The rule templates applied to every set, before the set's own rules.</summary>
    public ImmutableArray<RuleTemplate> Templates { get; }

    /// <inheritdoc />
    public EvaluationResult Evaluate(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return Evaluate(programme.IndicatorSet, programme.Actuals);
    }

    /// <inheritdoc />
    public EvaluationResult Evaluate(IndicatorSet indicatorSet, ProgrammeActuals actuals)
    {
        ArgumentNullException.ThrowIfNull(indicatorSet);
        ArgumentNullException.ThrowIfNull(actuals);
        if (indicatorSet.Indicators.IsDefault)
        {
            indicatorSet = indicatorSet with { Indicators = [] };
        }

        var resolved = _resolved.GetValue(indicatorSet, Resolve);
        return new Run(resolved.Policy, resolved.Rules, resolved.Findings, MessageCatalog).Evaluate(indicatorSet, actuals);
    }

    /// <summary>The policy and rules a set is evaluated with, worked out once per set.</summary>
    private ResolvedSet Resolve(IndicatorSet set)
    {
        var bag = new DiagnosticBag();
        var policy = Policy;
        if (set.PolicyNode is { } node)
        {
            policy = Loading.ScoringPolicyReader.Read(node, bag, n => Policies.TryGet(n, out var p) ? p : null, Policies.Names, nameRequired: false) ?? Policy;
        }
        else if (set.PolicyName is { } name)
        {
            if (Policies.TryGet(name, out var named))
            {
                policy = named;
            }
            else
            {
                bag.Add(DiagnosticCodes.UnknownPolicy, DiagnosticSeverity.Error, "$.policy", set.Locations["$.policy"], ("policy", name), ("known", string.Join(", ", Policies.Names)));
            }
        }

        return new ResolvedSet(policy, _templateRules.Then(PreparedSet.For(set).Rules), bag.ToImmutable());
    }

    private sealed record ResolvedSet(ScoringPolicy Policy, CompiledRules Rules, ImmutableArray<Diagnostic> Findings);

    /// <summary>One evaluation under one policy: the figures, then the deviations and the rules.</summary>
    private sealed class Run(ScoringPolicy policy, CompiledRules rules, ImmutableArray<Diagnostic> policyFindings, MessageCatalog messages)
    {
        private ScoringPolicy Policy { get; } = policy;

        public EvaluationResult Evaluate(IndicatorSet indicatorSet, ProgrammeActuals actuals)
        {
            var prepared = PreparedSet.For(indicatorSet);
            var findings = new DiagnosticBag(messages);
            findings.AddRange(policyFindings);
            findings.AddRange(indicatorSet.ReadWarnings.IsDefault ? [] : indicatorSet.ReadWarnings);
            findings.AddRange(actuals.ReadWarnings.IsDefault ? [] : actuals.ReadWarnings);

            // The set's own errors (possible for sets built in code; files with errors never get here).
            var readCodes = indicatorSet.ReadWarnings.IsDefault ? [] : indicatorSet.ReadWarnings;
            findings.AddRange(prepared.Diagnostics.Where(d => !readCodes.Contains(d)));

            if (!string.Equals(indicatorSet.Id, actuals.IndicatorSet, StringComparison.Ordinal))
            {
                findings.Add(DiagnosticCodes.IndicatorSetMismatch, DiagnosticSeverity.Error, "$.indicatorSet", actuals.Locations["$.indicatorSet"],
                    ("actual", actuals.IndicatorSet), ("expected", indicatorSet.Id));
            }

            var budget = EvaluateBudget(indicatorSet, actuals, findings);
            var byId = MatchActuals(indicatorSet, actuals, prepared, findings);
            var indicators = EvaluateIndicators(indicatorSet, actuals, prepared, byId, findings);

            var totalWeight = budget.Weight + indicators.Sum(i => i.Weight);
            if (totalWeight != Policy.TotalPoints && indicators.Length > 0)
            {
                findings.Add(DiagnosticCodes.WeightsDoNotAddUp, DiagnosticSeverity.Warning, "$.indicators", indicatorSet.Locations["$.indicators"],
                    ("sum", totalWeight), ("expected", Policy.TotalPoints));
            }

            (budget, indicators) = new DeviationAnalyzer(Policy, rules, indicatorSet, actuals, findings).Analyze(budget, indicators, byId);
            var total = budget.Score + indicators.Sum(i => i.Score);
            return new EvaluationResult
            {
                IndicatorSetId = indicatorSet.Id,
                Name = indicatorSet.Name,
                Year = indicatorSet.Year,
                Department = indicatorSet.Department,
                ImplementingUnit = indicatorSet.ImplementingUnit,
                Goals = indicatorSet.Goals.IsDefault ? [] : indicatorSet.Goals,
                Policy = Policy.Name,
                PolicyUsed = Policy,
                Budget = budget,
                Indicators = indicators,
                TotalWeight = totalWeight,
                TotalScore = total,
                Grade = Policy.GradeFor(total),
                Findings = [.. findings.ToImmutable().OrderByDescending(f => f.Severity)],
            };
        }


        private BudgetResult EvaluateBudget(IndicatorSet set, ProgrammeActuals actuals, DiagnosticBag findings)
        {
            var b = actuals.Budget;
            var sources = Lines(set.Budget.Sources, b.Sources, "$.budget.sources", Messages.Word("source"), isSource: true, actuals.Locations, findings);
            var expenditures = Lines(set.Budget.Expenditures, b.Expenditures, "$.budget.expenditures", Messages.Word("expenditure"), isSource: false, actuals.Locations, findings);

            var available = Total(b.Available, sources, "$.budget.available", DiagnosticCodes.SourcesTotalMismatch, Messages.Word("available budget"), actuals.Locations, findings);
            var spent = Total(b.Spent, expenditures, "$.budget.spent", DiagnosticCodes.ExpendituresTotalMismatch, Messages.Word("spending"), actuals.Locations, findings);

            decimal? rate = null;
            var score = 0m;
            if (available is > 0 && spent is { } s)
            {
                var ratio = s / available.Value;
                rate = Figures.Percent(ratio);
                score = Figures.Round(Policy.BudgetWeight * Math.Min(1m, ratio));
                if (s > available)
                {
                    findings.Add(DiagnosticCodes.OverSpent, DiagnosticSeverity.Warning, "$.budget.spent", actuals.Locations["$.budget.spent"] ?? actuals.Locations["$.budget"],
                        ("spent", s), ("available", available));
                }
            }

            return new BudgetResult
            {
                Unit = set.Budget.Unit,
                Initial = b.Initial,
                Available = available,
                Spent = spent,
                ExecutionRate = rate,
                Weight = Policy.BudgetWeight,
                Score = score,
                Sources = Shares(sources, available),
                Expenditures = Shares(expenditures, spent),
            };
        }

        private static List<BudgetLineResult> Lines(ImmutableArray<BudgetLine> declared, ImmutableArray<BudgetAmount> given, string path, string kind, bool isSource, SourceMap map, DiagnosticBag findings)
        {
            declared = declared.IsDefault ? [] : declared;
            given = given.IsDefault ? [] : given;
            var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var a in given)
            {
                if (declared.Length > 0 && !declared.Any(d => d.Id == a.Id))
                {
                    var p = Loading.JsonTree.ChildPath(path, a.Id);
                    findings.Add(DiagnosticCodes.UnknownBudgetLine, DiagnosticSeverity.Error, p, map[p], ("kind", kind), ("id", a.Id));
                    continue;
                }

                amounts[a.Id] = a.Amount;
            }

            var lines = new List<BudgetLineResult>();
            if (declared.Length > 0 && given.Length > 0)
            {
                foreach (var d in declared)
                {
                    lines.Add(new BudgetLineResult { Id = d.Id, Name = d.Name, Category = isSource ? d.Category : null, Amount = amounts.GetValueOrDefault(d.Id) });
                }
            }
            else
            {
                foreach (var (id, amount) in amounts)
                {
                    lines.Add(new BudgetLineResult { Id = id, Name = id, Category = isSource ? SourceCategory.Appropriation : null, Amount = amount });
                }
            }

            return lines;
        }

        private static decimal? Total(decimal? stated, List<BudgetLineResult> lines, string path, string mismatchCode, string figure, SourceMap map, DiagnosticBag findings)
        {
            var sum = lines.Count > 0 ? lines.Sum(l => l.Amount) : (decimal?)null;
            if (stated is { } total)
            {
                if (sum is { } s && s != total)
                {
                    findings.Add(mismatchCode, DiagnosticSeverity.Error, path, map[path], ("sum", s), ("total", total));
                }

                return total;
            }

            if (sum is null)
            {
                findings.Add(DiagnosticCodes.BudgetMissing, DiagnosticSeverity.Error, path, map["$.budget"] ?? map["$"], ("figure", figure));
            }

            return sum;
        }

        private static ImmutableArray<BudgetLineResult> Shares(List<BudgetLineResult> lines, decimal? total) =>
            [.. lines.Select(l => l with { Share = total is > 0 ? Figures.Percent(l.Amount / total.Value) : null })];

        private static IndicatorActual?[] MatchActuals(IndicatorSet set, ProgrammeActuals actuals, PreparedSet prepared, DiagnosticBag findings)
        {
            var byPosition = new IndicatorActual?[set.Indicators.Length];
            foreach (var a in actuals.Indicators.IsDefault ? [] : actuals.Indicators)
            {
                if (prepared.Index.TryGetValue(a.Id, out var i))
                {
                    if (byPosition[i] is not null)
                    {
                        var dup = Loading.JsonTree.ChildPath("$.indicators", a.Id);
                        findings.Add(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, dup, actuals.Locations[dup], ("id", a.Id));
                        continue;
                    }

                    byPosition[i] = a;
                    continue;
                }

                var path = Loading.JsonTree.ChildPath("$.indicators", a.Id);
                findings.Add(DiagnosticCodes.UnknownIndicator, DiagnosticSeverity.Error, path, actuals.Locations[path],
                    ("set", set.Id), ("id", a.Id), ("suggestion", Messages.DidYouMean(Loading.ObjectReader.Closest(a.Id, prepared.Index.Keys))));
            }

            return byPosition;
        }

        private ImmutableArray<IndicatorResult> EvaluateIndicators(IndicatorSet set, ProgrammeActuals actuals, PreparedSet prepared, IndicatorActual?[] byPosition, DiagnosticBag findings)
        {
            var definitions = set.Indicators;
            var weights = FillWeights(set, byPosition, findings);
            var results = ImmutableArray.CreateBuilder<IndicatorResult>(definitions.Length);
            for (var i = 0; i < definitions.Length; i++)
            {
                results.Add(Deduct(EvaluateIndicator(set, i, byPosition[i], weights[i], prepared, actuals.Locations, findings), byPosition[i], actuals.Locations, findings));
            }

            return results.MoveToImmutable();
        }

        /// <summary>Subtracts a deduction (扣分) given in the actuals from the score, floor 0, where the policy allows it.</summary>
        private IndicatorResult Deduct(IndicatorResult result, IndicatorActual? given, SourceMap map, DiagnosticBag findings)
        {
            if (given?.Deduction is not { } deduction || deduction == 0 || result.Status == IndicatorStatus.NotApplicable)
            {
                return result;
            }

            var path = Loading.JsonTree.ChildPath("$.indicators", result.Id) + ".deduction";
            if (!Policy.AllowDeductions)
            {
                findings.Add(DiagnosticCodes.DeductionNotAllowed, DiagnosticSeverity.Warning, path, map[path], ("policy", Policy.Name), ("deduction", deduction));
                return result;
            }

            return result with { Deduction = deduction, Score = Figures.Round(Math.Max(0m, result.Score - deduction)) };
        }

        /// <summary>The weight of each indicator: its own, or the level's remaining points split evenly (to the cent, by largest remainder).</summary>
        private (decimal Weight, bool Filled)[] FillWeights(IndicatorSet set, IndicatorActual?[] byPosition, DiagnosticBag findings)
        {
            var definitions = set.Indicators;
            var weights = new (decimal, bool)[definitions.Length];
            foreach (var level in definitions.Select(d => d.Level1).Distinct())
            {
                var applicable = Enumerable.Range(0, definitions.Length)
                    .Where(i => definitions[i].Level1 == level && byPosition[i]?.NotApplicable != true).ToList();
                var explicitSum = applicable.Where(i => definitions[i].Weight is not null).Sum(i => definitions[i].Weight!.Value);
                var missing = applicable.Where(i => definitions[i].Weight is null).ToList();
                foreach (var i in applicable.Where(i => definitions[i].Weight is not null))
                {
                    weights[i] = (definitions[i].Weight!.Value, false);
                }

                if (missing.Count == 0)
                {
                    continue;
                }

                var levelName = IndicatorLevels.Name(level, Messages.IsChinese);
                if (!Policy.LevelPoints.TryGetValue(level, out var points))
                {
                    findings.Add(DiagnosticCodes.NoLevelPoints, DiagnosticSeverity.Error, $"$.indicators[{missing[0]}].weight", set.Locations[$"$.indicators[{missing[0]}]"],
                        ("policy", Policy.Name), ("level1", levelName));
                    continue;
                }

                var remaining = points - explicitSum;
                if (remaining < 0)
                {
                    findings.Add(DiagnosticCodes.LevelPointsExceeded, DiagnosticSeverity.Error, $"$.indicators[{missing[0]}].weight", set.Locations[$"$.indicators[{missing[0]}]"],
                        ("level1", levelName), ("sum", explicitSum), ("points", points));
                    remaining = 0;
                }

                var cents = (long)(Figures.Round(remaining) * 100m);
                var each = cents / missing.Count;
                var extra = cents % missing.Count;
                for (var k = 0; k < missing.Count; k++)
                {
                    weights[missing[k]] = ((each + (k < extra ? 1 : 0)) / 100m, true);
                }
            }

            var dropped = Enumerable.Range(0, definitions.Length).Where(i => byPosition[i]?.NotApplicable == true).Sum(i => definitions[i].Weight ?? 0m);
            if (dropped > 0 && Policy.RescaleNotApplicable)
            {
                Rescale(weights, dropped);
                findings.Add(DiagnosticCodes.WeightsRescaled, DiagnosticSeverity.Info, "$.indicators", set.Locations["$.indicators"], ("dropped", dropped));
            }

            return weights;
        }

        /// <summary>Grows the weights in proportion so that they gain <paramref name="dropped"/> points in all, to the cent (largest remainder).</summary>
        private static void Rescale((decimal Weight, bool Filled)[] weights, decimal dropped)
        {
            var sum = weights.Sum(w => w.Weight);
            if (sum <= 0)
            {
                return;
            }

            var targetCents = (long)(Figures.Round(sum + dropped) * 100m);
            var exact = weights.Select(w => w.Weight * (sum + dropped) / sum * 100m).ToArray();
            var cents = exact.Select(e => (long)Math.Floor(e)).ToArray();
            var left = targetCents - cents.Sum();
            foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - cents[i]).ThenBy(i => i).Take((int)Math.Max(0, left)))
            {
                cents[i]++;
            }

            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = (cents[i] / 100m, weights[i].Filled);
            }
        }

        private IndicatorResult EvaluateIndicator(IndicatorSet set, int i, IndicatorActual? given, (decimal Weight, bool Filled) w, PreparedSet prepared, SourceMap map, DiagnosticBag findings)
        {
            var d = set.Indicators[i];
            var path = Loading.JsonTree.ChildPath("$.indicators", d.Id);
            var location = map[path];
            var result = new IndicatorResult
            {
                Id = d.Id,
                Name = d.Name,
                Program = d.Program,
                Level1 = d.Level1,
                Level2 = d.Level2,
                Target = d.Target,
                Unit = d.Unit,
                Actual = given?.Actual,
                Status = IndicatorStatus.Missing,
                Weight = w.Weight,
                WeightFilled = w.Filled,
                Score = 0m,
                Reason = given?.Reason,
                Measures = given?.Measures,
            };

            if (given?.NotApplicable == true)
            {
                if (given.Actual is not null)
                {
                    findings.Add(DiagnosticCodes.NotApplicableWithActual, DiagnosticSeverity.Warning, path, location);
                }

                return result with { Status = IndicatorStatus.NotApplicable, Actual = null, Weight = 0m, WeightFilled = false };
            }

            if (!prepared.Valid[i])
            {
                return result;
            }

            var actual = given?.Actual;
            decimal? number = actual?.Number;
            if (prepared.Compiled[i] is { } expression && given is not null && (given.Inputs.Count > 0 || actual is null))
            {
                if (expression.TryEvaluate(name => given.Inputs.TryGetValue(name, out var v) ? v : null, out var computed, out var error, out _))
                {
                    if (number is { } stated && stated != computed)
                    {
                        findings.Add(DiagnosticCodes.ComputedActualMismatch, DiagnosticSeverity.Error, ActualPath(path, map), map[ActualPath(path, map)] ?? location,
                            ("stated", stated), ("computed", computed), ("expression", expression.Text));
                    }

                    number = computed;
                    actual ??= ActualValue.FromNumber(computed) with { IsPercent = d.Target.IsPercent };
                }
                else
                {
                    findings.Add(DiagnosticCodes.ExpressionFailed, DiagnosticSeverity.Error, path + ".inputs", map[path + ".inputs"] ?? location,
                        ("id", d.Id), ("expression", expression.Text), ("reason", error));
                    if (actual is null)
                    {
                        return result;
                    }
                }
            }

            if (actual is null)
            {
                // With no entry in the actuals, point at the indicator in the set.
                var missingPath = location is null ? $"$.indicators[{i}]" : path;
                findings.Add(DiagnosticCodes.MissingActual, DiagnosticSeverity.Warning, missingPath, location ?? set.Locations[missingPath], ("id", d.Id), ("name", d.Name));
                return result;
            }

            result = result with { Actual = actual };
            var t = d.Target;
            switch (t.Comparison)
            {
                case Comparison.Qualitative:
                    return Qualitative(result, given!, path, location, map, findings);

                case Comparison.Deadline:
                {
                    if (IndicatorScorer.DeadlineKept(t.Deadline!, actual, set.Year) is { } kept)
                    {
                        return Apply(result, IndicatorScorer.Deadline(kept), null);
                    }

                    findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, ActualPath(path, map), map[ActualPath(path, map)] ?? location,
                        ("actual", actual.Text), ("target", t.Display), ("reason", Messages.IsChinese ? "应为日期、“12月底前”或“完成 / 未完成”" : "expected a date, a deadline such as 12月底前, or 完成 / 未完成"));
                    return result;
                }

                default:
                {
                    if (number is not { } x)
                    {
                        findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, ActualPath(path, map), map[ActualPath(path, map)] ?? location,
                            ("actual", actual.Text), ("target", t.Display), ("reason", Messages.IsChinese ? "应为数值" : "the target is a number"));
                        return result;
                    }

                    if (t.IsPercent && !actual.IsPercent && x > 0 && x <= 1 && (t.Value ?? 0) > 1)
                    {
                        findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Warning, ActualPath(path, map), map[ActualPath(path, map)] ?? location,
                            ("actual", actual.Text), ("target", t.Display),
                            ("reason", Messages.IsChinese ? "目标为百分数，实际值看起来是小数；百分数请写作 98 或“98%”" : "the target is a percentage and the actual looks like a fraction; write 98 or 98% for 98 %"));
                    }

                    if (x < 0)
                    {
                        findings.Add(DiagnosticCodes.NegativeActual, DiagnosticSeverity.Info, ActualPath(path, map), map[ActualPath(path, map)] ?? location, ("actual", x));
                        x = 0;
                    }

                    var outcome = IndicatorScorer.ApplyPolicy(IndicatorScorer.Numeric(t, x, Policy), d.Level2, t, x, actual.IsPercent, Policy);
                    return Apply(result, outcome, x);
                }
            }
        }

        /// <summary>The path of an indicator's actual: <c>….actual</c> in the object form, the entry itself when the actual is written bare.</summary>
        private static string ActualPath(string indicatorPath, SourceMap map) =>
            map[indicatorPath] is not null && map[indicatorPath + ".actual"] is null ? indicatorPath : indicatorPath + ".actual";

        private static IndicatorResult Apply(IndicatorResult result, Outcome outcome, decimal? number) => result with
        {
            ActualNumber = number,
            CompletionRate = outcome.Completion is { } c ? Figures.Percent(c) : null,
            Status = outcome.Status,
            Score = Figures.Round(result.Weight * outcome.Share),
        };

        private IndicatorResult Qualitative(IndicatorResult result, IndicatorActual given, string path, SourceLocation? location, SourceMap map, DiagnosticBag findings)
        {
            var inferred = false;
            var grade = given.Grade;
            if (grade is null && IndicatorScorer.InferGrade(result.Target, result.Actual!) is { } g)
            {
                grade = g;
                inferred = true;
            }

            if (grade is not { } qg)
            {
                findings.Add(DiagnosticCodes.GradeRequired, DiagnosticSeverity.Warning, ActualPath(path, map) == path ? path : path + ".grade", location,
                    ("id", result.Id), ("actual", result.Actual!.Text), ("target", result.Target.Display));
                return result;
            }

            var (low, high, status) = IndicatorScorer.Band(qg, result.Weight, Policy);
            var score = IndicatorScorer.DefaultQualitativeScore(qg, result.Weight, Policy);
            if (given.Score is { } stated)
            {
                var inBand = stated >= low && (qg == QualitativeGrade.Achieved ? stated <= high : stated < high);
                if (inBand)
                {
                    score = stated;
                }
                else
                {
                    findings.Add(DiagnosticCodes.ScoreOutOfBand, DiagnosticSeverity.Error, path + ".score", location,
                        ("score", stated), ("low", Figures.Round(low)), ("high", Figures.Round(high)), ("grade", GradeLabel(qg)), ("used", Figures.Round(score)));
                }
            }

            return result with { Status = status, Grade = qg, GradeInferred = inferred, Score = Figures.Round(score) };
        }

        private static string GradeLabel(QualitativeGrade grade) => grade switch
        {
            QualitativeGrade.Achieved => Messages.IsChinese ? "达成年度指标" : "achieved",
            QualitativeGrade.Partial => Messages.IsChinese ? "部分达成年度指标并具有一定效果" : "partial",
            _ => Messages.IsChinese ? "未达成年度指标且效果较差" : "not achieved",
        };
    }
}

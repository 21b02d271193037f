using System.Collections.Immutable;
using PerfEval.Actuals;
using PerfEval.Deviations;
using PerfEval.Diagnostics;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Rules;
using PerfEval.Scoring;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private readonly ConditionalWeakTable<IndicatorSet, ResolvedSet>.CreateValueCallback _resolve;

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
        _resolve = Resolve;
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

        var resolved = _resolved.GetValue(indicatorSet, _resolve);
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

            if (actuals.Year is { } year && year != indicatorSet.Year)
            {
                findings.Add(DiagnosticCodes.YearMismatch, DiagnosticSeverity.Error, "$.year", actuals.Locations["$.year"],
                    ("actual", year), ("set", indicatorSet.Id), ("expected", indicatorSet.Year));
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

            budget = new DeviationAnalyzer(Policy, rules, indicatorSet, actuals, findings).Analyze(budget, indicators, byId);
            var total = budget.Score + indicators.Sum(i => i.Score);
            TotalChecks.Check(Policy, indicatorSet, actuals, budget, totalWeight, total, findings);
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
                Findings = findings.Count == 0 ? [] : [.. findings.ToImmutable().OrderByDescending(f => f.Severity)],
            };
        }


        private BudgetResult EvaluateBudget(IndicatorSet set, ProgrammeActuals actuals, DiagnosticBag findings)
        {
            try
            {
                return Budget(set, actuals, findings);
            }
            catch (OverflowException)
            {
                findings.Add(DiagnosticCodes.FigureOutOfRange, DiagnosticSeverity.Error, "$.budget", actuals.Locations["$.budget"], ("figure", Messages.IsChinese ? "项目资金" : "budget"));
                return new BudgetResult { Unit = set.Budget.Unit, Weight = Policy.BudgetWeight, Score = 0m };
            }
        }

        private BudgetResult Budget(IndicatorSet set, ProgrammeActuals actuals, DiagnosticBag findings)
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

        /// <summary>A budget line's figures before its share is known.</summary>
        private readonly record struct Line(string Id, string Name, SourceCategory? Category, decimal Amount);

        private static List<Line> Lines(ImmutableArray<BudgetLine> declared, ImmutableArray<BudgetAmount> given, string path, string kind, bool isSource, SourceMap map, DiagnosticBag findings)
        {
            declared = declared.IsDefault ? [] : declared;
            given = given.IsDefault ? [] : given;
            var lines = new List<Line>(Math.Max(declared.Length, given.Length));
            if (declared.Length == 0)
            {
                // Lines the set does not declare are taken as given, named by their ids.
                foreach (var a in given)
                {
                    lines.Add(new Line(a.Id, a.Id, isSource ? SourceCategory.Appropriation : null, a.Amount));
                }

                return lines;
            }

            var amounts = new decimal[declared.Length];
            foreach (var a in given)
            {
                var at = -1;
                for (var k = 0; k < declared.Length && at < 0; k++)
                {
                    at = declared[k].Id == a.Id ? k : -1;
                }

                if (at < 0)
                {
                    var p = Loading.JsonTree.ChildPath(path, a.Id);
                    findings.Add(DiagnosticCodes.UnknownBudgetLine, DiagnosticSeverity.Error, p, map[p], ("kind", kind), ("id", a.Id));
                    continue;
                }

                amounts[at] = a.Amount;
            }

            if (given.Length > 0)
            {
                for (var k = 0; k < declared.Length; k++)
                {
                    lines.Add(new Line(declared[k].Id, declared[k].Name, isSource ? declared[k].Category : null, amounts[k]));
                }
            }

            return lines;
        }

        private static decimal? Total(decimal? stated, List<Line> lines, string path, string mismatchCode, string figure, SourceMap map, DiagnosticBag findings)
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

        private static ImmutableArray<BudgetLineResult> Shares(List<Line> lines, decimal? total)
        {
            var results = new BudgetLineResult[lines.Count];
            for (var k = 0; k < results.Length; k++)
            {
                var l = lines[k];
                results[k] = new BudgetLineResult { Id = l.Id, Name = l.Name, Category = l.Category, Amount = l.Amount, Share = total is > 0 ? Figures.Percent(l.Amount / total.Value) : null };
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(results);
        }

        private static IndicatorActual?[] MatchActuals(IndicatorSet set, ProgrammeActuals actuals, PreparedSet prepared, DiagnosticBag findings)
        {
            var byPosition = new IndicatorActual?[set.Indicators.Length];
            var unknown = 0;
            foreach (var a in actuals.Indicators.IsDefault ? [] : actuals.Indicators)
            {
                if (prepared.Index.TryGetValue(a.Id, out var i))
                {
                    if (byPosition[i] is not null)
                    {
                        var dup = Loading.JsonTree.IndicatorPath(a.Id);
                        findings.Add(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error, dup, actuals.Locations[dup], ("id", a.Id));
                        continue;
                    }

                    byPosition[i] = a;
                    continue;
                }

                var path = Loading.JsonTree.IndicatorPath(a.Id);
                // Suggestions for the first unknown ids only: each compares with every indicator id.
                var suggestion = ++unknown <= 100 ? Messages.DidYouMean(Loading.ObjectReader.Closest(a.Id, prepared.Index.Keys)) : string.Empty;
                findings.Add(DiagnosticCodes.UnknownIndicator, DiagnosticSeverity.Error, path, actuals.Locations[path],
                    ("set", set.Id), ("id", a.Id), ("suggestion", suggestion));
            }

            return byPosition;
        }

        private ImmutableArray<IndicatorResult> EvaluateIndicators(IndicatorSet set, ProgrammeActuals actuals, PreparedSet prepared, IndicatorActual?[] byPosition, DiagnosticBag findings)
        {
            var definitions = set.Indicators;
            var weights = FillWeights(set, byPosition, findings);
            var results = new IndicatorResult[definitions.Length];
            for (var i = 0; i < definitions.Length; i++)
            {
                results[i] = EvaluateIndicator(set, i, byPosition[i], weights[i], prepared, actuals.Locations, findings);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(results);
        }

        /// <summary>An indicator's path in the actuals (<c>$.indicators.id</c>): made only when a finding needs it.</summary>
        private static string PathOf(IndicatorDefinition d) => Loading.JsonTree.IndicatorPath(d.Id);

        /// <summary>Subtracts a deduction (扣分) given in the actuals from a score, floor 0, where the policy allows it.</summary>
        private decimal? Deduction(IndicatorDefinition d, IndicatorActual? given, ref decimal score, SourceMap map, DiagnosticBag findings)
        {
            if (given?.Deduction is not { } deduction || deduction == 0)
            {
                return null;
            }

            if (!Policy.AllowDeductions)
            {
                var path = PathOf(d) + ".deduction";
                findings.Add(DiagnosticCodes.DeductionNotAllowed, DiagnosticSeverity.Warning, path, map[path], ("policy", Policy.Name), ("deduction", deduction));
                return null;
            }

            score = Figures.Round(Math.Max(0m, score - deduction));
            return deduction;
        }

        /// <summary>The weight of each indicator: its own, or the level's remaining points split evenly (to the cent, by largest remainder).</summary>
        private (decimal Weight, bool Filled)[] FillWeights(IndicatorSet set, IndicatorActual?[] byPosition, DiagnosticBag findings)
        {
            var definitions = set.Indicators;
            var weights = new (decimal, bool)[definitions.Length];
            var dropped = 0m;
            foreach (var level in (ReadOnlySpan<Level1>)[Level1.Output, Level1.Benefit, Level1.Satisfaction, Level1.Cost])
            {
                // One pass over the level: explicit weights, indicators waiting for a share, and weights that do not apply.
                var explicitSum = 0m;
                var missing = 0;
                var firstMissing = -1;
                var notApplicableWeight = 0m;
                for (var i = 0; i < definitions.Length; i++)
                {
                    var d = definitions[i];
                    if (d.Level1 != level)
                    {
                        continue;
                    }

                    if (byPosition[i]?.NotApplicable == true)
                    {
                        notApplicableWeight += d.Weight ?? 0m;
                    }
                    else if (d.Weight is { } w)
                    {
                        explicitSum += w;
                        weights[i] = (w, false);
                    }
                    else
                    {
                        missing++;
                        firstMissing = firstMissing < 0 ? i : firstMissing;
                    }
                }

                if (missing == 0)
                {
                    // Nobody in the level can take the points of its indicators that do not apply: rescale them below.
                    dropped += notApplicableWeight;
                    continue;
                }

                var levelName = IndicatorLevels.Name(level, Messages.IsChinese);
                var where = $"$.indicators[{firstMissing}]";
                if (!Policy.LevelPoints.TryGetValue(level, out var points))
                {
                    findings.Add(DiagnosticCodes.NoLevelPoints, DiagnosticSeverity.Error, where + ".weight", set.Locations[where], ("policy", Policy.Name), ("level1", levelName));
                    continue;
                }

                // The level's remaining points go to the indicators without a weight (so those that do not apply lose nothing).
                var remaining = points - explicitSum;
                if (remaining < 0)
                {
                    findings.Add(DiagnosticCodes.LevelPointsExceeded, DiagnosticSeverity.Error, where + ".weight", set.Locations[where], ("level1", levelName), ("sum", explicitSum), ("points", points));
                    remaining = 0;
                }

                var cents = (long)(Figures.Round(remaining) * 100m);
                var each = cents / missing;
                var extra = cents % missing;
                var k = 0;
                for (var i = 0; i < definitions.Length; i++)
                {
                    if (definitions[i].Level1 == level && definitions[i].Weight is null && byPosition[i]?.NotApplicable != true)
                    {
                        weights[i] = (new decimal((int)(each + (k++ < extra ? 1 : 0)), 0, 0, false, 2), true);
                    }
                }
            }

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

        /// <summary>
        /// One indicator: its actual (given or computed), completion rate, status and score under the policy, built
        /// into one result record. Paths and locations are looked up only when a finding is made.
        /// </summary>
        private IndicatorResult EvaluateIndicator(IndicatorSet set, int i, IndicatorActual? given, (decimal Weight, bool Filled) w, PreparedSet prepared, SourceMap map, DiagnosticBag findings)
        {
            var d = set.Indicators[i];
            var s = new Scored { Actual = given?.Actual, Status = IndicatorStatus.Missing, Weight = w.Weight, Filled = w.Filled };
            if (given?.NotApplicable == true)
            {
                if (given.Actual is not null)
                {
                    var path = PathOf(d);
                    findings.Add(DiagnosticCodes.NotApplicableWithActual, DiagnosticSeverity.Warning, path, map[path]);
                }

                s = new Scored { Status = IndicatorStatus.NotApplicable };
            }
            else if (prepared.Valid[i])
            {
                try
                {
                    Score(set, i, d, given, prepared, map, findings, ref s);
                    s.Deduction = Deduction(d, given, ref s.Score, map, findings);
                }
                catch (OverflowException)
                {
                    // An actual near decimal.MaxValue (or a ratio to a tiny target) has no figure: say so, score nothing.
                    var path = PathOf(d);
                    findings.Add(DiagnosticCodes.FigureOutOfRange, DiagnosticSeverity.Error, path, map[path] ?? set.Locations[$"$.indicators[{i}]"],
                        ("figure", (Messages.IsChinese ? "指标“" : "indicator '") + d.Id + (Messages.IsChinese ? "”的完成率和得分" : "': its completion rate and score")));
                    s = new Scored { Actual = s.Actual, Status = IndicatorStatus.Missing, Weight = w.Weight, Filled = w.Filled };
                }
            }

            return new IndicatorResult
            {
                Id = d.Id,
                Name = d.Name,
                Program = d.Program,
                Level1 = d.Level1,
                Level2 = d.Level2,
                Target = d.Target,
                Unit = d.Unit,
                Actual = s.Actual,
                ActualNumber = s.Number,
                CompletionRate = s.Completion,
                Status = s.Status,
                Grade = s.Grade,
                GradeInferred = s.GradeInferred,
                Weight = s.Weight,
                WeightFilled = s.Filled,
                Score = s.Score,
                Deduction = s.Deduction,
                Reason = given?.Reason,
                Measures = given?.Measures,
            };
        }

        /// <summary>The figures of one indicator while they are worked out.</summary>
        private struct Scored
        {
            public ActualValue? Actual;
            public decimal? Number;
            public decimal? Completion;
            public IndicatorStatus Status;
            public QualitativeGrade? Grade;
            public bool GradeInferred;
            public decimal Weight;
            public bool Filled;
            public decimal Score;
            public decimal? Deduction;

            public void Apply(Outcome outcome, decimal? number)
            {
                Number = number;
                Completion = outcome.Completion is { } c ? Figures.Percent(c) : null;
                Status = outcome.Status;
                Score = Figures.Round(Weight * outcome.Share);
            }
        }

        private void Score(IndicatorSet set, int i, IndicatorDefinition d, IndicatorActual? given, PreparedSet prepared, SourceMap map, DiagnosticBag findings, ref Scored s)
        {
            var actual = given?.Actual;
            decimal? number = actual?.Number;
            if (prepared.Compiled[i] is { } expression && given is not null && (given.Inputs.Count > 0 || actual is null))
            {
                if (Compute(expression, given, out var computed, out var error))
                {
                    if (number is { } stated && stated != computed)
                    {
                        var path = ActualPath(PathOf(d), map);
                        findings.Add(DiagnosticCodes.ComputedActualMismatch, DiagnosticSeverity.Error, path, map[path] ?? map[PathOf(d)],
                            ("stated", stated), ("computed", computed), ("expression", expression.Text));
                    }

                    number = computed;
                    actual ??= ActualValue.FromNumber(computed) with { IsPercent = d.Target.IsPercent };
                }
                else
                {
                    var path = PathOf(d);
                    findings.Add(DiagnosticCodes.ExpressionFailed, DiagnosticSeverity.Error, path + ".inputs", map[path + ".inputs"] ?? map[path],
                        ("id", d.Id), ("expression", expression.Text), ("reason", error));
                    if (actual is null)
                    {
                        return;
                    }
                }
            }

            if (actual is null)
            {
                // With no entry in the actuals, point at the indicator in the set.
                var location = given is null ? null : map[PathOf(d)];
                var missingPath = location is null ? $"$.indicators[{i}]" : PathOf(d);
                findings.Add(DiagnosticCodes.MissingActual, DiagnosticSeverity.Warning, missingPath, location ?? set.Locations[missingPath], ("id", d.Id), ("name", d.Name));
                return;
            }

            s.Actual = actual;
            var t = d.Target;
            switch (t.Comparison)
            {
                case Comparison.Qualitative:
                    Qualitative(d, given!, map, findings, ref s);
                    return;

                case Comparison.Deadline:
                {
                    if (IndicatorScorer.DeadlineKept(t.Deadline!, actual, set.Year) is { } kept)
                    {
                        s.Apply(IndicatorScorer.Deadline(kept), null);
                        return;
                    }

                    var path = ActualPath(PathOf(d), map);
                    findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, path, map[path] ?? map[PathOf(d)],
                        ("actual", actual.Text), ("target", t.Display), ("reason", Messages.IsChinese ? "应为日期、“12月底前”或“完成 / 未完成”" : "expected a date, a deadline such as 12月底前, or 完成 / 未完成"));
                    return;
                }

                default:
                {
                    if (number is not { } x)
                    {
                        var path = ActualPath(PathOf(d), map);
                        findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error, path, map[path] ?? map[PathOf(d)],
                            ("actual", actual.Text), ("target", t.Display), ("reason", Messages.IsChinese ? "应为数值" : "the target is a number"));
                        return;
                    }

                    if (t.IsPercent && !actual.IsPercent && x > 0 && x <= 1 && (t.Value ?? 0) > 1)
                    {
                        var path = ActualPath(PathOf(d), map);
                        findings.Add(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Warning, path, map[path] ?? map[PathOf(d)],
                            ("actual", actual.Text), ("target", t.Display),
                            ("reason", Messages.IsChinese ? "目标为百分数，实际值看起来是小数；百分数请写作 98 或“98%”" : "the target is a percentage and the actual looks like a fraction; write 98 or 98% for 98 %"));
                    }

                    if (x < 0)
                    {
                        var path = ActualPath(PathOf(d), map);
                        findings.Add(DiagnosticCodes.NegativeActual, DiagnosticSeverity.Info, path, map[path] ?? map[PathOf(d)], ("actual", x));
                        x = 0;
                    }

                    s.Apply(IndicatorScorer.ApplyPolicy(IndicatorScorer.Numeric(t, x, Policy), d.Level2, t, x, actual.IsPercent, Policy), x);
                    return;
                }
            }
        }

        /// <summary>Evaluates a <c>compute</c> expression with the indicator's inputs (in a method of its own, so that only these indicators pay for the closure).</summary>
        private static bool Compute(Expressions.CompiledExpression<decimal> expression, IndicatorActual given, out decimal computed, out string? error) =>
            expression.TryEvaluate(name => given.Inputs.TryGetValue(name, out var v) ? v : null, out computed, out error, out _);

        /// <summary>The path of an indicator's actual: <c>….actual</c> in the object form, the entry itself when the actual is written bare.</summary>
        private static string ActualPath(string indicatorPath, SourceMap map) =>
            map[indicatorPath] is not null && map[indicatorPath + ".actual"] is null ? indicatorPath : indicatorPath + ".actual";

        private void Qualitative(IndicatorDefinition d, IndicatorActual given, SourceMap map, DiagnosticBag findings, ref Scored s)
        {
            var inferred = false;
            var grade = given.Grade;
            if (grade is null && IndicatorScorer.InferGrade(d.Target, s.Actual!) is { } g)
            {
                grade = g;
                inferred = true;
            }

            if (grade is not { } qg)
            {
                var path = PathOf(d);
                findings.Add(DiagnosticCodes.GradeRequired, DiagnosticSeverity.Warning, ActualPath(path, map) == path ? path : path + ".grade", map[path],
                    ("id", d.Id), ("actual", s.Actual!.Text), ("target", d.Target.Display));
                return;
            }

            var (low, high, status) = IndicatorScorer.Band(qg, s.Weight, Policy);
            var score = IndicatorScorer.DefaultQualitativeScore(qg, s.Weight, Policy);
            if (given.Score is { } stated)
            {
                var inBand = stated >= low && (qg == QualitativeGrade.Achieved ? stated <= high : stated < high);
                if (inBand)
                {
                    score = stated;
                }
                else
                {
                    var path = PathOf(d);
                    findings.Add(DiagnosticCodes.ScoreOutOfBand, DiagnosticSeverity.Error, path + ".score", map[path],
                        ("score", stated), ("low", Figures.Round(low)), ("high", Figures.Round(high)), ("grade", GradeLabel(qg)), ("used", Figures.Round(score)));
                }
            }

            s.Status = status;
            s.Grade = qg;
            s.GradeInferred = inferred;
            s.Score = Figures.Round(score);
        }

        private static string GradeLabel(QualitativeGrade grade) => grade switch
        {
            QualitativeGrade.Achieved => Messages.IsChinese ? "达成年度指标" : "achieved",
            QualitativeGrade.Partial => Messages.IsChinese ? "部分达成年度指标并具有一定效果" : "partial",
            _ => Messages.IsChinese ? "未达成年度指标且效果较差" : "not achieved",
        };
    }
}

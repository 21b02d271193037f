using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Scoring;
using static PerfEval.Tests.Evaluation.IndicatorBuilder;
using static PerfEval.Tests.Evaluation.StepContext;

namespace PerfEval.Tests.Evaluation;

/// <summary>
/// The budget step called by itself, with the figures of the domain rules (section 4) and docs/scoring.md (Budget
/// execution, (k), (l)): A and B from the lines, the execution rate B / A, the score W × min(1, B / A) from the
/// unrounded ratio, the shares, and the findings for spending above A or against an A of 0.
/// </summary>
public sealed class BudgetEvaluationTests
{
    /// <summary>The seed's budget lines (扎兰屯市就业补助资金 2025), as its indicator set declares them.</summary>
    private static readonly BudgetDefinition SeedLines = new()
    {
        Sources =
        [
            new("central", "中央财政资金"), new("region", "自治区财政资金"), new("league", "盟市财政资金"), new("county", "旗县财政资金"),
            new("carryover", "上年结余资金") { Category = SourceCategory.CarryOver },
        ],
        Expenditures =
        [
            new("services", "就业创业服务补助"), new("social-insurance", "社会保险补贴"), new("public-jobs", "公益性岗位补贴"),
            new("internship", "就业见习补贴"), new("startup", "一次性创业补贴"), new("other", "其他就业补助支出"),
        ],
    };

    /// <summary>The budget step's result for <paramref name="budget"/>, under <paramref name="policy"/> (mof-2020 when null).</summary>
    private static (BudgetResult Result, EvaluationContext Context) Evaluate(BudgetActuals budget, BudgetDefinition? lines = null, ScoringPolicy? policy = null)
    {
        var set = Set(Indicator("n", "≥100")) with { Budget = lines ?? new BudgetDefinition() };
        var context = For(set, ActualsWith() with { Budget = budget }, policy);
        return (BudgetEvaluation.Evaluate(context), context);
    }

    [Fact]
    public void The_seeds_lines_give_its_available_budget_spending_rate_score_and_shares()
    {
        // A = 1409.70 + 366.55 + 226.78 + 316.56 + 1558.08 = 3877.67, B = 3861.14 (six lines), B / A = 99.57 %, 10 × 0.995737… = 9.96.
        var (r, context) = Evaluate(new BudgetActuals
        {
            Sources = [new("central", 1409.70m), new("region", 366.55m), new("league", 226.78m), new("county", 316.56m), new("carryover", 1558.08m)],
            Expenditures = [new("services", 62.20m), new("social-insurance", 2189.86m), new("public-jobs", 623.82m), new("internship", 42.70m), new("startup", 5m), new("other", 937.56m)],
        }, SeedLines);

        (r.Available, r.Spent, r.ExecutionRate, r.Weight, r.Score, r.Unit).Should().Be((3877.67m, 3861.14m, 99.57m, 10m, 9.96m, "万元"));

        // Each share from the unrounded amounts, never forced to add up to 100 %: 937.56 / 3861.14 is 24.28 % ((l)).
        r.Expenditures.Select(e => e.Share).Should().Equal(1.61m, 56.72m, 16.16m, 1.11m, 0.13m, 24.28m);
        r.Sources.Select(s => (s.Id, s.Share)).Should().Equal(
            ("central", 36.35m), ("region", 9.45m), ("league", 5.85m), ("county", 8.16m), ("carryover", 40.18m));
        r.Sources[^1].Should().Match<BudgetLineResult>(s => s.Name == "上年结余资金" && s.Category == SourceCategory.CarryOver);
        context.Found().Should().BeEmpty();
    }

    [Fact]
    public void The_score_is_the_weight_times_the_unrounded_ratio()
    {
        // 1998.9 / 2000 = 0.99945: the rate shows 99.95 %, and the score is 10 × 0.99945 = 9.99 (10 × 99.95 % would give 10.00).
        var (r, _) = Evaluate(new BudgetActuals { Available = 2000m, Spent = 1998.9m });

        (r.ExecutionRate, r.Score).Should().Be((99.95m, 9.99m));
    }

    [Fact]
    public void Spending_above_the_available_budget_scores_the_weight_and_is_a_warning_at_the_spending()
    {
        var (r, context) = Evaluate(new BudgetActuals { Available = 100m, Spent = 120m });

        (r.ExecutionRate, r.Score).Should().Be((120m, 10m));
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.OverSpent, DiagnosticSeverity.Warning, "$.budget.spent"));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["spent"] = "120", ["available"] = "100" });
    }

    [Fact]
    public void The_budgets_weight_is_the_policys()
    {
        PolicyCatalog.BuiltIn.TryGet("regional-budget20", out var budget20).Should().BeTrue();

        var (r, _) = Evaluate(new BudgetActuals { Available = 200m, Spent = 100m }, policy: budget20);

        (r.Weight, r.ExecutionRate, r.Score).Should().Be((20m, 50m, 10m));
    }

    [Fact]
    public void Spending_against_an_available_budget_of_0_has_no_rate_scores_nothing_and_is_an_error()
    {
        var (r, context) = Evaluate(new BudgetActuals { Available = 0m, Spent = 5m });

        (r.ExecutionRate, r.Score).Should().Be((null, 0m));
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity).Should().Be((DiagnosticCodes.SpentWithoutBudget, DiagnosticSeverity.Error));
        finding.Arguments.Should().Contain(new Dictionary<string, string> { ["spent"] = "5", ["available"] = "0" });
    }

    [Fact]
    public void Without_an_available_total_or_sources_the_budget_is_missing_and_scores_nothing()
    {
        var (r, context) = Evaluate(new BudgetActuals { Spent = 5m });

        (r.Available, r.Spent, r.ExecutionRate, r.Score).Should().Be((null, 5m, null, 0m));
        var finding = context.Found().Should().ContainSingle().Subject;
        (finding.Code, finding.Severity, finding.Path).Should().Be((DiagnosticCodes.BudgetMissing, DiagnosticSeverity.Error, "$.budget.available"));
    }
}

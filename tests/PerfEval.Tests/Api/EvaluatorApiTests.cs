using System.Collections.Immutable;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Actuals;
using PerfEval.DependencyInjection;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.Scoring;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Api;

public sealed class EvaluatorApiTests : IClassFixture<SeedExample>
{
    private readonly SeedExample _seed;

    public EvaluatorApiTests(SeedExample seed) => _seed = seed;

    private static IndicatorSet BuiltInCode() => new()
    {
        Id = "built",
        Name = "A programme built in code",
        Year = 2025,
        Budget = new BudgetDefinition { Sources = [new BudgetLine("central", "中央财政资金")] },
        Indicators =
        [
            new IndicatorDefinition
            {
                Id = "jobs",
                Name = "新增就业人数",
                Level1 = Level1.Output,
                Level2 = Level2.Quantity,
                Target = new Target { Comparison = Comparison.AtLeast, Value = 200m },
                Unit = "人",
                Weight = 50m,
            },
            new IndicatorDefinition
            {
                Id = "effect",
                Name = "促进就业",
                Level1 = Level1.Benefit,
                Level2 = Level2.Social,
                Target = new Target { Comparison = Comparison.Qualitative, Description = "有效促进" },
                Weight = 30m,
            },
            new IndicatorDefinition
            {
                Id = "satisfaction",
                Name = "满意度",
                Level1 = Level1.Satisfaction,
                Level2 = Level2.Satisfaction,
                Target = new Target { Comparison = Comparison.AtLeast, Value = 90m, IsPercent = true },
                Weight = 10m,
            },
        ],
    };

    private static ProgrammeActuals ActualsInCode() => new()
    {
        IndicatorSet = "built",
        Budget = new BudgetActuals { Sources = [new BudgetAmount("central", 100m)], Spent = 80m },
        Indicators =
        [
            new IndicatorActual { Id = "jobs", Actual = ActualValue.FromNumber(150m) },
            new IndicatorActual { Id = "effect", Actual = ActualValue.Parse("有效促进"), Grade = QualitativeGrade.Partial, Score = 20m },
            new IndicatorActual { Id = "satisfaction", Actual = ActualValue.Parse("95%") },
        ],
    };

    [Fact]
    public void Programmes_built_in_code_evaluate_like_files()
    {
        var result = new Evaluator().Evaluate(BuiltInCode(), ActualsInCode());

        result.Findings.Select(f => (f.Code, f.Path)).Should().Equal(
            [("PE3001", "$.budget"), ("PE3001", "$.indicators.jobs"), ("PE3001", "$.indicators.effect")],
            "80 % execution, 75 % of the jobs and a partial grade must be explained, and no reason was given");
        result.Budget.Available.Should().Be(100m, "A is the sum of the sources when no total is given");
        result.Budget.ExecutionRate.Should().Be(80m);
        result.Budget.Score.Should().Be(8m);
        result.Indicators[0].Score.Should().Be(37.5m, "50 × 150 / 200");
        result.Indicators[0].CompletionRate.Should().Be(75m);
        result.Indicators[1].Score.Should().Be(20m, "the preparer's 20 lies in the partial band [18, 24)");
        result.Indicators[1].Status.Should().Be(IndicatorStatus.PartiallyMet);
        result.Indicators[2].Score.Should().Be(10m);
        result.TotalScore.Should().Be(75.5m);
        result.Grade.Label.Should().Be("中");
    }

    [Fact]
    public void A_set_built_in_code_with_errors_reports_them_instead_of_throwing()
    {
        var set = BuiltInCode() with
        {
            Indicators = BuiltInCode().Indicators.Add(new IndicatorDefinition
            {
                Id = "jobs",
                Name = "重复",
                Level1 = Level1.Benefit,
                Level2 = Level2.Quantity,
                Target = new Target { Comparison = Comparison.AtLeast, Value = 0m },
                Compute = "System.IO.File.ReadAllText(\"x\")",
            }),
        };

        var result = new Evaluator().Evaluate(set, ActualsInCode());

        result.HasErrors.Should().BeTrue();
        result.Findings.Select(f => f.Code).Should().Contain(["PE1007", "PE1012", "PE1010", "PE1009"]);
        result.Indicators.Should().HaveCount(4, "no indicator is dropped");
        result.Indicators[3].Status.Should().Be(IndicatorStatus.Missing);
    }

    [Fact]
    public void One_evaluator_gives_identical_results_from_many_threads()
    {
        var evaluator = new Evaluator();
        var programme = _seed.Load.Value!;
        var expected = ResultJson.ToJson(evaluator.Evaluate(programme));

        var results = new string[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => results[i] = ResultJson.ToJson(evaluator.Evaluate(programme)));

        results.Should().OnlyContain(r => r == expected);
    }

    [Fact]
    public void Add_perf_eval_registers_one_shared_evaluator_and_a_second_call_changes_nothing()
    {
        var policy = ScoringPolicy.Mof2020 with { Name = "custom", LessIsBetter = LessIsBetterConvention.InverseRatio };
        var services = new ServiceCollection();
        services.AddPerfEval(o => o.Policy = policy);
        services.AddPerfEval();

        using var provider = services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IEvaluator>();

        evaluator.Should().BeSameAs(provider.GetRequiredService<IEvaluator>());
        ((Evaluator)evaluator).Policy.Should().Be(policy);
        evaluator.Evaluate(_seed.Load.Value!).Policy.Should().Be("custom");
    }

    [Fact]
    public void Reading_from_a_stream_gives_the_same_set_as_reading_the_file()
    {
        var path = Path.Combine(_seed.Folder, PerfEvalJson.IndicatorSetFileName);
        using var stream = File.OpenRead(path);

        var fromStream = PerfEvalJson.ReadIndicatorSet(stream, "indicators.json").GetValueOrThrow();
        var fromFile = PerfEvalJson.ReadIndicatorSetFile(path).GetValueOrThrow();

        fromStream.Indicators.Select(i => (i.Id, i.Target.Display, i.Weight)).Should().Equal(fromFile.Indicators.Select(i => (i.Id, i.Target.Display, i.Weight)));
    }

    [Fact]
    public void Get_value_or_throw_carries_the_diagnostics()
    {
        var load = PerfEvalJson.ReadIndicatorSet("{ \"id\": 1 }");

        var act = () => load.GetValueOrThrow();

        act.Should().Throw<PerfEvalException>().Which.Diagnostics.Should().Contain(d => d.Code == "PE1003");
    }

    [Fact]
    public void A_percentage_target_with_a_fraction_as_actual_is_flagged()
    {
        var actuals = ActualsInCode() with
        {
            Indicators = ActualsInCode().Indicators.SetItem(2, new IndicatorActual { Id = "satisfaction", Actual = ActualValue.FromNumber(0.95m) }),
        };

        var result = new Evaluator().Evaluate(BuiltInCode(), actuals);

        result.Findings.Should().ContainSingle(f => f.Code == "PE2007" && f.Severity == Diagnostics.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void The_serialized_result_of_the_seed_matches_the_approved_file()
    {
        var approved = Path.Combine(SeedExample.RepositoryRoot(), "tests", "PerfEval.Tests", "Golden", "zalantun-result.approved.json");
        // File names in findings are made relative to the repository, so the approved file holds no machine's paths.
        var root = SeedExample.RepositoryRoot().Replace("\\", "/", StringComparison.Ordinal).TrimEnd('/') + "/";
        var received = ResultJson.ToJson(_seed.Result).ReplaceLineEndings("\n").Replace(root, string.Empty, StringComparison.Ordinal);

        if (!File.Exists(approved) || File.ReadAllText(approved).ReplaceLineEndings("\n") != received)
        {
            File.WriteAllText(Path.ChangeExtension(approved, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".json", received);
        }

        File.Exists(approved).Should().BeTrue("the approved serialization is checked in beside this test");
        received.Should().Be(File.ReadAllText(approved).ReplaceLineEndings("\n"), "a change to the JSON result must be reviewed: compare zalantun-result.received.json with the approved file and copy it over when the change is intended");
    }
}

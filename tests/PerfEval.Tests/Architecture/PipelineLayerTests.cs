using FluentAssertions;
using PerfEval.Evaluation;

namespace PerfEval.Tests.Architecture;

/// <summary>
/// The library is a one-way pipeline (docs/design.md): the model, then read → prepare → evaluate → present,
/// then the hosts. A namespace may use only namespaces of an earlier layer; these tests read the compiled
/// assembly, so a new dependency in any direction is caught whichever way it is written.
/// </summary>
public sealed class PipelineLayerTests
{
    /// <summary>Each namespace of the library and its layer; a namespace may use only namespaces of lower layers.</summary>
    public static readonly IReadOnlyDictionary<string, int> Layers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // Foundation: findings and their messages, figures, the one seam to RulesEngine.
        ["PerfEval.Diagnostics"] = 0,
        ["PerfEval"] = 1,
        ["PerfEval.Expressions"] = 1,

        // The model: what a programme's rules and actuals are, as values.
        ["PerfEval.Deviations"] = 2,
        ["PerfEval.Rules"] = 3,
        ["PerfEval.Indicators"] = 4,
        ["PerfEval.Actuals"] = 5,
        ["PerfEval.Scoring"] = 5,

        // The stages.
        ["PerfEval.Loading"] = 10,
        ["PerfEval.Preparation"] = 20,
        ["PerfEval.Evaluation"] = 30,
        ["PerfEval.TargetReview"] = 31,
        ["PerfEval.Monitoring"] = 32,
        ["PerfEval.Reporting"] = 40,
        ["PerfEval.Audit"] = 41,

        // The hosts.
        ["PerfEval.Batch"] = 50,
        ["PerfEval.DependencyInjection"] = 50,
        ["PerfEval.Review"] = 51,
    };

    private static readonly NamespaceGraph Graph = NamespaceGraph.Of(typeof(Evaluator).Assembly.Location, "PerfEval");

    [Fact]
    public void No_namespaces_of_the_library_use_each_other_in_a_circle()
    {
        string.Join("; ", Graph.Cycles().Select(c => string.Join(" ↔ ", c))).Should().BeEmpty("these namespaces use each other in a circle");
    }

    [Fact]
    public void Every_namespace_of_the_library_has_a_layer()
    {
        Graph.Edges.Keys.Where(n => !Layers.ContainsKey(n)).Should().BeEmpty("a new namespace gets its place in the pipeline in this table and in docs/design.md");
    }

    [Fact]
    public void Every_namespace_uses_only_namespaces_of_earlier_layers()
    {
        var backwards =
            from edge in Graph.Edges
            where Layers.ContainsKey(edge.Key)
            from used in edge.Value
            where !Layers.TryGetValue(used, out var layer) || layer >= Layers[edge.Key]
            select $"{edge.Key} uses {used}";

        string.Join("; ", backwards).Should().BeEmpty("each of these uses a later layer");
    }

    [Fact]
    public void The_graph_sees_the_dependencies_that_exist()
    {
        // A check of the checker: a graph that missed method bodies or signatures would pass the tests above vacuously.
        Graph.Edges["PerfEval.Evaluation"].Should().Contain(["PerfEval.Preparation", "PerfEval.Indicators", "PerfEval.Diagnostics"]);
        Graph.Edges["PerfEval.Loading"].Should().Contain("PerfEval.Indicators");
    }

    [Theory]
    [InlineData("PerfEval.Preparation")]
    [InlineData("PerfEval.Evaluation")]
    public void No_step_of_preparing_or_evaluating_takes_more_than_four_parameters(string stage)
    {
        var crowded = NamespaceGraph.MethodsWithMoreParametersThan(typeof(Evaluator).Assembly.Location, stage, 4);

        string.Join("; ", crowded).Should().BeEmpty("a step that needs more reads them from its context");
    }

    [Fact]
    public void The_parameter_count_sees_methods_with_many_parameters()
    {
        // A check of the checker, on a stage the rule does not cover: the set checks of the reader take six.
        NamespaceGraph.MethodsWithMoreParametersThan(typeof(Evaluator).Assembly.Location, "PerfEval.Loading", 4)
            .Should().Contain(m => m.StartsWith("SetChecks.CheckRuleTargets", StringComparison.Ordinal));
    }

    [Fact]
    public void RulesEngine_is_reached_only_through_the_compiled_expression_seam()
    {
        NamespaceGraph.TypesUsing(typeof(Evaluator).Assembly.Location, "RulesEngine")
            .Should().Equal(["PerfEval.Expressions.CompiledExpression`1"], "docs/design.md names this one seam");
    }
}

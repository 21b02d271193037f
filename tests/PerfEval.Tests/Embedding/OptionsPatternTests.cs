using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerfEval.DependencyInjection;
using PerfEval.Evaluation;
using PerfEval.Scoring;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Embedding;

/// <summary><c>AddPerfEval</c> as the options pattern: Configure, configuration, validation at start, keyed evaluators.</summary>
public sealed class OptionsPatternTests(SeedExample seed) : IClassFixture<SeedExample>
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Configure_of_perf_eval_options_reaches_the_evaluator()
    {
        var policy = ScoringPolicy.Mof2020 with { Name = "configured" };
        var services = new ServiceCollection();
        services.AddPerfEval();
        services.Configure<PerfEvalOptions>(o => o.Policy = policy);

        using var provider = services.BuildServiceProvider();

        ((Evaluator)provider.GetRequiredService<IEvaluator>()).Policy.Should().Be(policy);
        provider.GetRequiredService<IEvaluator>().Evaluate(seed.Load.Value!).Policy.Should().Be("configured");
    }

    [Fact]
    public void Options_are_bound_from_a_configuration_section()
    {
        var configuration = Configuration(("PerfEval:PolicyName", "regional-budget20"), ("PerfEval:Culture", "en"), ("PerfEval:PlanCacheCapacity", "3"));
        var services = new ServiceCollection();
        services.AddPerfEval(configuration.GetSection("PerfEval"));

        using var provider = services.BuildServiceProvider();
        var evaluator = (Evaluator)provider.GetRequiredService<IEvaluator>();

        evaluator.Policy.Name.Should().Be("regional-budget20");
        evaluator.Culture!.Name.Should().Be("en");
        provider.GetRequiredService<IOptions<PerfEvalOptions>>().Value.PlanCacheCapacity.Should().Be(3);
    }

    [Theory]
    [InlineData("PerfEval:PolicyName", "no-such-policy", "no-such-policy")]
    [InlineData("PerfEval:Culture", "not a culture!", "PerfEval:Culture")]
    [InlineData("PerfEval:PlanCacheCapacity", "many", "PerfEval:PlanCacheCapacity")]
    [InlineData("PerfEval:PlanCacheCapacity", "-1", "PlanCacheCapacity must be 0 or more")]
    [InlineData("PerfEval:Polciy", "mof-2020", "'PerfEval:Polciy' is not a PerfEval setting")]
    public void Bad_settings_fail_validation_at_start_with_a_message_that_names_them(string key, string value, string expected)
    {
        var services = new ServiceCollection();
        services.AddPerfEval(Configuration((key, value)).GetSection("PerfEval"));
        using var provider = services.BuildServiceProvider();

        // What a host does when it starts (ValidateOnStart).
        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void An_inconsistent_policy_fails_validation_at_start()
    {
        var services = new ServiceCollection();
        services.AddPerfEval(o => o.Policy = ScoringPolicy.Mof2020 with { PartialFloor = 0.9m });
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("mof-2020");
    }

    [Fact]
    public void Two_keyed_evaluators_with_two_policies_serve_side_by_side()
    {
        var services = new ServiceCollection();
        services.AddPerfEval();
        services.AddPerfEval("regional", o => o.PolicyName = "regional-budget20");
        services.AddPerfEval("inverse", Configuration(("PolicyName", "regional-inverse-ratio")));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var programme = seed.Load.Value!;

        provider.GetRequiredService<IEvaluator>().Evaluate(programme).Policy.Should().Be("mof-2020");
        provider.GetRequiredKeyedService<IEvaluator>("regional").Evaluate(programme).Policy.Should().Be("regional-budget20");
        provider.GetRequiredKeyedService<IEvaluator>("inverse").Evaluate(programme).Policy.Should().Be("regional-inverse-ratio");
        provider.GetRequiredKeyedService<IEvaluator>("regional").Should().BeSameAs(provider.GetRequiredKeyedService<IEvaluator>("regional"));
    }

    [Fact]
    public void Named_options_configured_elsewhere_reach_their_keyed_evaluator()
    {
        var services = new ServiceCollection();
        services.AddPerfEval("regional", o => o.PolicyName = "regional-budget20");
        services.Configure<PerfEvalOptions>("regional", o => o.Culture = System.Globalization.CultureInfo.GetCultureInfo("en"));
        using var provider = services.BuildServiceProvider();

        var evaluator = (Evaluator)provider.GetRequiredKeyedService<IEvaluator>("regional");

        evaluator.Culture!.Name.Should().Be("en");
        evaluator.Policy.Name.Should().Be("regional-budget20");
    }
}

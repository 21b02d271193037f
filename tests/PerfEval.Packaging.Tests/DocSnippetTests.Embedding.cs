using System.Globalization;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samples;

namespace PerfEval.Packaging.Tests;

/// <summary>The embedding snippet: keyed evaluators from configuration, asynchronous reading, per-call language, stored results.</summary>
public sealed partial class DocSnippetTests
{
    [Fact]
    public async Task The_embedding_snippet_evaluates_with_either_policy_in_the_language_asked_for_and_renders_a_stored_result()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("PerfEval:PolicyName", (string?)"mof-2020"), KeyValuePair.Create("PerfEval:Culture", (string?)"zh-CN")])
            .Build();
        using var provider = new ServiceCollection().AddEvaluators(configuration).BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var service = provider.GetRequiredService<EmbeddingService>();

        var (national, _) = await Evaluate(service, regional: false, "en");
        var (regional, _) = await Evaluate(service, regional: true, "en");
        await using var broken = new MemoryStream(Encoding.UTF8.GetBytes("{\"nmae\": 1}"));
        await using var actuals = File.OpenRead(Path.Combine(Seed, "actuals.json"));
        var (none, errors) = await service.EvaluateAsync(broken, actuals, false, CultureInfo.GetCultureInfo("en"), CancellationToken.None);

        national!.TotalScore.Should().Be(95.23m);
        regional!.Policy.Should().Be("regional-budget20");
        none.Should().BeNull();
        errors.Should().Contain(e => e.Contains("Unknown property 'nmae'", StringComparison.Ordinal));

        await using var store = new MemoryStream();
        var table = await EmbeddingService.StoreAndRenderAsync(national, store, CancellationToken.None);
        table.Should().Contain("95.23").And.Contain("performance self-evaluation");
    }

    private static async Task<(Evaluation.EvaluationResult? Result, IReadOnlyList<string> Errors)> Evaluate(EmbeddingService service, bool regional, string language)
    {
        await using var set = File.OpenRead(Path.Combine(Seed, "indicators.json"));
        await using var actuals = File.OpenRead(Path.Combine(Seed, "actuals.json"));
        return await service.EvaluateAsync(set, actuals, regional, CultureInfo.GetCultureInfo(language), CancellationToken.None);
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Testing;

namespace PerfEval.Packaging.Tests;

/// <summary>The ASP.NET Core sample, copied out of the repository, built against the packed packages and run as a server.</summary>
public sealed partial class ConsumerTests
{
    [Fact]
    public async Task The_web_sample_builds_against_the_packages_and_evaluates_a_posted_programme()
    {
        var app = Path.Combine(packages.Work, "websample");
        Directory.CreateDirectory(app);
        var sample = Path.Combine(Repository.Root(), "docs", "samples", "PerfEval.WebSample");
        foreach (var file in Directory.GetFiles(sample).Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".json"))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(app, "nuget.config"), ConsumerNuGetConfig(packages.Feed));
        ChildProcess.RunDotNet(["build", "-c", "Release", "-nodeReuse:false", "-v:minimal", $"-p:PerfEvalVersion={PackagesFixture.Version}"], app, BuildTimeout, Environment).EnsureSuccess();
        File.ReadAllText(Path.Combine(app, "obj", "project.assets.json")).Should().Contain("\"PerfEval/" + PackagesFixture.Version + "\"", "the sample uses the packed package");

        var environment = new Dictionary<string, string?>(Environment) { ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information" };
        using var server = ChildProcess.StartDotNet([Path.Combine(app, "bin", "Release", "net10.0", "PerfEval.WebSample.dll"), "--urls", "http://127.0.0.1:0"], app, environment);
        try
        {
            var address = await ListeningAddress(server);
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = RunTimeout };
            var seed = Repository.SeedExample();
            var body = "{\"indicators\":" + File.ReadAllText(Path.Combine(seed, "indicators.json")) + ",\"actuals\":" + File.ReadAllText(Path.Combine(seed, "actuals.json")) + "}";

            using var json = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            using var xlsx = await client.PostAsync(new Uri("/evaluate?format=xlsx", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

            json.IsSuccessStatusCode.Should().BeTrue(await json.Content.ReadAsStringAsync());
            using var result = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
            result.RootElement.GetProperty("totalScore").GetDecimal().Should().Be(95.23m);
            (await xlsx.Content.ReadAsByteArrayAsync()).Take(2).Should().Equal((byte)'P', (byte)'K');
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>The address Kestrel reports once it listens (port 0: the system chose a free one).</summary>
    private static async Task<string> ListeningAddress(Process server)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return match.Groups["address"].Value;
            }
        }

        throw new InvalidOperationException("The sample ended before listening: " + await server.StandardError.ReadToEndAsync(timeout.Token));
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}

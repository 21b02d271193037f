using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Testing;

namespace PerfEval.Packaging.Tests;

/// <summary>
/// Uses the packages as a stranger would: a new console project that restores PerfEval from the feed, and the
/// perfeval tool installed from it. NuGet's own global folder is not used for them (a stale PerfEval 0.1.0 from an
/// earlier run could sit there); the consumer gets a private one under the temporary folder, and everything that
/// is not PerfEval comes from nuget.org as usual.
/// </summary>
[Collection(PackagingCollectionDefinition.Name)]
[Trait("Category", "Packaging")]
public sealed partial class ConsumerTests(PackagesFixture packages)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private Dictionary<string, string?> Environment => new() { ["NUGET_PACKAGES"] = Path.Combine(packages.Work, "nuget-packages") };

    [Fact]
    public void A_new_console_project_restores_PerfEval_from_the_local_folder_and_evaluates_the_seed_through_AddPerfEval()
    {
        var app = Path.Combine(packages.Work, "consumer");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), ConsumerNuGetConfig(packages.Feed));
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), ConsumerProject);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
        var readmeExamples = ReadmeExamples();
        readmeExamples.Should().NotBeEmpty();
        foreach (var (name, code) in readmeExamples)
        {
            File.WriteAllText(Path.Combine(app, name + ".cs"), code);   // compiled against the packages, not run
        }

        ChildProcess.RunDotNet(["build", "-c", "Release", "-nodeReuse:false", "-v:minimal"], app, BuildTimeout, Environment).EnsureSuccess();
        var run = ChildProcess.RunDotNet([Path.Combine(app, "bin", "Release", "net10.0", "Consumer.dll"), Repository.SeedExample()], app, RunTimeout, Environment);

        run.ExitCode.Should().Be(0, run.Describe());
        run.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal(["total 95.23", "grade 优", $"schemas {Directory.GetFiles(Path.Combine(Repository.Root(), "rules", "schema"), "*.json").Length}", "xlsx True"], run.Describe());

        // PerfEval, PerfEval.Excel and PerfEval.Import were restored from the feed, not from anywhere else.
        foreach (var id in new[] { "perfeval", "perfeval.excel", "perfeval.import" })
        {
            var metadata = File.ReadAllText(Path.Combine(packages.Work, "nuget-packages", id, PackagesFixture.Version, ".nupkg.metadata"));
            using var json = JsonDocument.Parse(metadata);
            Path.GetFullPath(json.RootElement.GetProperty("source").GetString()!).TrimEnd(Path.DirectorySeparatorChar)
                .Should().Be(Path.GetFullPath(packages.Feed).TrimEnd(Path.DirectorySeparatorChar), id);
        }
    }

    [Fact]
    public void The_tool_installs_from_the_local_folder_and_evaluates_the_seed_as_json()
    {
        // Install from a folder whose nuget.config clears the sources: --add-source is then the only one (it cannot
        // be combined with package source mapping, and a tool package carries its dependencies inside).
        var home = Path.Combine(packages.Work, "tool-install");
        var tools = Path.Combine(packages.Work, "tools");
        Directory.CreateDirectory(home);
        File.WriteAllText(Path.Combine(home, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");

        ChildProcess.RunDotNet(["tool", "install", "--tool-path", tools, "--add-source", packages.Feed, "PerfEval.Cli", "--version", PackagesFixture.Version], home, BuildTimeout, Environment).EnsureSuccess();
        var perfeval = Path.Combine(tools, OperatingSystem.IsWindows() ? "perfeval.exe" : "perfeval");
        File.Exists(perfeval).Should().BeTrue();

        var version = ChildProcess.Run(perfeval, ["--version"], home, RunTimeout);
        version.ExitCode.Should().Be(0, version.Describe());
        version.Output.Trim().Should().StartWith(PackagesFixture.Version);

        var run = ChildProcess.Run(perfeval, ["evaluate", Repository.SeedExample(), "--format", "json"], home, RunTimeout);
        run.ExitCode.Should().Be(0, run.Describe());
        using var result = JsonDocument.Parse(run.Output);
        result.RootElement.GetProperty("totalScore").GetDecimal().Should().Be(95.23m);
        result.RootElement.GetProperty("budget").GetProperty("executionRate").GetDecimal().Should().Be(99.57m);
        result.RootElement.GetProperty("grade").GetString().Should().Be("优");
    }

    /// <summary>
    /// The C# examples of the package READMEs (docs/nuget/*.md), each wrapped in a method of its own class so that
    /// the consumer's build compiles them against the packed packages. Their using directives go to the top.
    /// </summary>
    private static List<(string Name, string Code)> ReadmeExamples()
    {
        var examples = new List<(string, string)>();
        foreach (var readme in Directory.GetFiles(Path.Combine(Repository.Root(), "docs", "nuget"), "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(readme).Replace("\r\n", "\n", StringComparison.Ordinal);
            var blocks = CSharpBlock().Matches(text);
            for (var i = 0; i < blocks.Count; i++)
            {
                var lines = blocks[i].Groups["code"].Value.Split('\n');
                var usings = lines.TakeWhile(l => UsingDirective().IsMatch(l) || l.Trim().Length == 0).ToList();
                var body = lines.Skip(usings.Count).Select(l => "        " + l);
                var name = "Readme_" + Path.GetFileNameWithoutExtension(readme).Replace('.', '_') + "_" + i.ToString(CultureInfo.InvariantCulture);
                examples.Add((name, $"{string.Join('\n', usings)}\n\ninternal static class {name}\n{{\n    public static void Run()\n    {{\n{string.Join('\n', body)}\n    }}\n}}\n"));
            }
        }

        return examples;
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using [A-Za-z.]+;\s*$")]
    private static partial Regex UsingDirective();

    /// <summary>
    /// The consumer's package sources: the feed, under the key "local", next to the sources the machine already
    /// has (nuget.org). Source mapping sends PerfEval* to the feed only and everything else to nuget.org.
    /// </summary>
    private static string ConsumerNuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="local" value="{System.Security.SecurityElement.Escape(feed)}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local">
              <package pattern="PerfEval*" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    private static string ConsumerProject => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="PerfEval" Version="{PackagesFixture.Version}" />
            <PackageReference Include="PerfEval.Excel" Version="{PackagesFixture.Version}" />
            <PackageReference Include="PerfEval.Import" Version="{PackagesFixture.Version}" />
            <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{DependencyInjectionVersion}" />
          </ItemGroup>
        </Project>
        """;

    private const string ConsumerProgram = """
        using System.Globalization;
        using Microsoft.Extensions.DependencyInjection;
        using PerfEval.DependencyInjection;
        using PerfEval.Evaluation;
        using PerfEval.Excel;
        using PerfEval.Loading;
        using PerfEval.Reporting;

        var services = new ServiceCollection();
        services.AddPerfEval();
        using var provider = services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IEvaluator>();

        var programme = PerfEvalJson.ReadProgrammeFolder(args[0]).GetValueOrThrow();
        var result = evaluator.Evaluate(programme);
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        Console.WriteLine("total " + result.TotalScore.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine("grade " + result.Grade.Label);

        var schemas = typeof(Evaluator).Assembly.GetManifestResourceNames().Count(n => n.StartsWith("PerfEval.Schemas.", StringComparison.Ordinal));
        Console.WriteLine("schemas " + schemas.ToString(CultureInfo.InvariantCulture));

        var xlsx = ExcelTableWriter.ToBytes(SelfEvaluationTable.From(result));
        Console.WriteLine("xlsx " + (xlsx.Length > 0 && xlsx[0] == (byte)'P' && xlsx[1] == (byte)'K'));
        """;

    /// <summary>The Microsoft.Extensions.DependencyInjection version the repository tests with (Directory.Packages.props).</summary>
    private static string DependencyInjectionVersion
    {
        get
        {
            var props = System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root(), "Directory.Packages.props"));
            return props.Descendants("PackageVersion")
                .Single(e => e.Attribute("Include")?.Value == "Microsoft.Extensions.DependencyInjection")
                .Attribute("Version")!.Value;
        }
    }
}

using FluentAssertions;
using PerfEval.Testing;

namespace PerfEval.Packaging.Tests;

[Collection(PackagingCollectionDefinition.Name)]
[Trait("Category", "Packaging")]
public sealed class PackageContentTests(PackagesFixture packages)
{
    private static readonly string[] LibraryFrameworks = ["net8.0", "net10.0"];

    [Fact]
    public void Packing_the_four_projects_gives_each_a_package_and_a_symbol_package_without_warnings()
    {
        foreach (var id in PackagesFixture.Projects)
        {
            File.Exists(packages.Package(id)).Should().BeTrue(id);
            File.Exists(packages.Symbols(id)).Should().BeTrue(id);
        }

        foreach (var pack in packages.PackOutputs)
        {
            (pack.Output + pack.Error).Should().NotContainAny([": warning ", ": error "], pack.Describe());
        }
    }

    [Theory]
    [InlineData("PerfEval")]
    [InlineData("PerfEval.Excel")]
    [InlineData("PerfEval.Import")]
    [InlineData("PerfEval.Cli")]
    public void Every_package_has_its_readme_the_mit_licence_expression_and_git_repository_metadata(string id)
    {
        using var package = new NuGetPackage(packages.Package(id));

        package.Get("id").Should().Be(id);
        package.Get("version").Should().Be(PackagesFixture.Version);
        package.Get("authors").Should().Be("PerfEval contributors");
        package.Get("description").Should().NotBeNullOrWhiteSpace();
        package.Element("license")!.Attribute("type")!.Value.Should().Be("expression");
        package.Get("license").Should().Be("MIT");
        package.Get("readme").Should().Be("README.md");
        package.Files.Should().Contain("README.md");
        package.ReadText("README.md").Should().Be(ReadmeSource(id));

        var repository = package.Element("repository");
        repository.Should().NotBeNull();
        repository!.Attribute("type")!.Value.Should().Be("git");
        var url = repository.Attribute("url")?.Value;
        (url is null || url.StartsWith("https://", StringComparison.Ordinal)).Should().BeTrue($"a repository url, when there is one, is a public address, not '{url}'");
    }

    [Fact]
    public void The_library_package_has_both_frameworks_with_xml_docs_the_schemas_and_no_analyzer_dependency()
    {
        using var package = new NuGetPackage(packages.Package("PerfEval"));

        foreach (var tfm in LibraryFrameworks)
        {
            package.Files.Should().Contain([$"lib/{tfm}/PerfEval.dll", $"lib/{tfm}/PerfEval.xml"]);
            package.ReadText($"lib/{tfm}/PerfEval.xml").Should().Contain("<member name=\"T:PerfEval.Evaluation.Evaluator\">");
        }

        var schemaFolder = Path.Combine(Repository.Root(), "rules", "schema");
        var schemas = Directory.GetFiles(schemaFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        schemas.Should().Contain(["actuals.schema.json", "indicator-set.schema.json", "policy.schema.json", "rule-template.schema.json"]);
        package.Files.Where(f => f.StartsWith("schema/", StringComparison.Ordinal)).Should().Equal(schemas.Select(s => "schema/" + s));
        foreach (var schema in schemas)
        {
            package.ReadBytes("schema/" + schema).Should().Equal(File.ReadAllBytes(Path.Combine(schemaFolder, schema!)), schema);
        }

        var dependencies = package.Dependencies();
        dependencies.Keys.Should().BeEquivalentTo(LibraryFrameworks);
        foreach (var group in dependencies.Values)
        {
            group.Keys.Should().BeEquivalentTo("RulesEngine", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "Microsoft.Extensions.Configuration.Abstractions");
        }
    }

    [Fact]
    public void The_library_assembly_embeds_the_policies_and_the_schemas_as_resources()
    {
        using var package = new NuGetPackage(packages.Package("PerfEval"));
        var policies = Directory.GetFiles(Path.Combine(Repository.Root(), "rules", "policies"), "*.json").Select(p => "PerfEval.Policies." + Path.GetFileName(p));
        var schemas = Directory.GetFiles(Path.Combine(Repository.Root(), "rules", "schema"), "*.json").Select(p => "PerfEval.Schemas." + Path.GetFileName(p));

        foreach (var tfm in LibraryFrameworks)
        {
            package.ManifestResources($"lib/{tfm}/PerfEval.dll").Should().Contain(policies).And.Contain(schemas);
        }
    }

    [Fact]
    public void The_excel_package_depends_on_the_library_of_the_same_version_and_has_xml_docs()
    {
        using var package = new NuGetPackage(packages.Package("PerfEval.Excel"));

        foreach (var tfm in LibraryFrameworks)
        {
            package.Files.Should().Contain([$"lib/{tfm}/PerfEval.Excel.dll", $"lib/{tfm}/PerfEval.Excel.xml"]);
            package.ReadText($"lib/{tfm}/PerfEval.Excel.xml").Should().Contain("<member name=\"T:PerfEval.Excel.ExcelTableWriter\">");
            package.Dependencies()[tfm].Should().Contain("PerfEval", PackagesFixture.Version).And.ContainKey("DocumentFormat.OpenXml");
        }
    }

    [Fact]
    public void The_import_package_depends_on_the_library_of_the_same_version_and_its_readers_and_has_xml_docs()
    {
        using var package = new NuGetPackage(packages.Package("PerfEval.Import"));

        foreach (var tfm in LibraryFrameworks)
        {
            package.Files.Should().Contain([$"lib/{tfm}/PerfEval.Import.dll", $"lib/{tfm}/PerfEval.Import.xml"]);
            package.ReadText($"lib/{tfm}/PerfEval.Import.xml").Should().Contain("<member name=\"T:PerfEval.Import.SubmissionImporter\">");
            package.Dependencies()[tfm].Should().Contain("PerfEval", PackagesFixture.Version)
                .And.ContainKeys("DocumentFormat.OpenXml", "ExcelDataReader", "AngleSharp", "PdfPig");
        }
    }

    [Fact]
    public void The_cli_package_is_a_dotnet_tool_named_perfeval()
    {
        using var package = new NuGetPackage(packages.Package("PerfEval.Cli"));

        package.PackageTypes().Should().Equal("DotnetTool");
        package.Files.Should().Contain(["tools/net10.0/any/DotnetToolSettings.xml", "tools/net10.0/any/PerfEval.Cli.dll", "tools/net10.0/any/PerfEval.dll", "tools/net10.0/any/PerfEval.Excel.dll", "tools/net10.0/any/PerfEval.Import.dll"]);
        var settings = System.Xml.Linq.XDocument.Parse(package.ReadText("tools/net10.0/any/DotnetToolSettings.xml"));
        var command = settings.Descendants("Command").Single();
        command.Attribute("Name")!.Value.Should().Be("perfeval");
        command.Attribute("EntryPoint")!.Value.Should().Be("PerfEval.Cli.dll");
        package.Dependencies().Should().BeEmpty("a tool carries its dependencies inside");
    }

    [Theory]
    [InlineData("PerfEval", "lib/net8.0/PerfEval.pdb", "lib/net10.0/PerfEval.pdb")]
    [InlineData("PerfEval.Excel", "lib/net8.0/PerfEval.Excel.pdb", "lib/net10.0/PerfEval.Excel.pdb")]
    [InlineData("PerfEval.Import", "lib/net8.0/PerfEval.Import.pdb", "lib/net10.0/PerfEval.Import.pdb")]
    [InlineData("PerfEval.Cli", "tools/net10.0/any/PerfEval.Cli.pdb")]
    public void The_symbol_packages_hold_the_portable_pdbs(string id, params string[] pdbs)
    {
        using var symbols = new NuGetPackage(packages.Symbols(id));

        symbols.Files.Should().Contain(pdbs);
        foreach (var pdb in pdbs)
        {
            symbols.ReadBytes(pdb).Take(4).Should().Equal((byte)'B', (byte)'S', (byte)'J', (byte)'B');   // portable PDB metadata signature
        }
    }

    private static string ReadmeSource(string id) =>
        File.ReadAllText(Path.Combine(Repository.Root(), "docs", "nuget", id + ".md")).TrimStart('\uFEFF');
}

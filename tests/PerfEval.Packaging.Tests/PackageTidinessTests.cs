using System.Xml.Linq;
using FluentAssertions;
using PerfEval.Testing;

namespace PerfEval.Packaging.Tests;

/// <summary>What the packages carry besides their code: an icon and addresses in the metadata, nothing the tool does not run, public docs only.</summary>
[Collection(PackagingCollectionDefinition.Name)]
[Trait("Category", "Packaging")]
public sealed class PackageTidinessTests(PackagesFixture packages)
{
    [Theory]
    [InlineData("PerfEval")]
    [InlineData("PerfEval.Excel")]
    [InlineData("PerfEval.Cli")]
    public void Every_package_has_an_icon_a_repository_address_and_a_project_address(string id)
    {
        using var package = new NuGetPackage(packages.Package(id));

        package.Get("icon").Should().Be("icon.png");
        package.ReadBytes("icon.png").Should().Equal(File.ReadAllBytes(Path.Combine(Repository.Root(), "docs", "nuget", "icon.png")));
        package.Element("repository")!.Attribute("url")!.Value.Should().StartWith("https://");
        package.Element("repository")!.Attribute("commit")?.Value.Should().MatchRegex("^[0-9a-f]{40}$");
        package.Get("projectUrl").Should().StartWith("https://");
    }

    [Fact]
    public void The_tool_package_carries_no_documentation_and_no_pdb_of_the_libraries()
    {
        using var package = new NuGetPackage(packages.Package("PerfEval.Cli"));
        var tool = package.Files.Where(f => f.StartsWith("tools/", StringComparison.Ordinal)).ToList();

        // The command's own PDB is still packed by PackAsTool (docs/packaging.md); the libraries' are not.
        tool.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)).Should().Equal("tools/net10.0/any/PerfEval.Cli.pdb");
        tool.Where(f => f.EndsWith(".xml", StringComparison.Ordinal)).Should().Equal("tools/net10.0/any/DotnetToolSettings.xml");
        tool.Should().Contain("tools/net10.0/any/PerfEval.Cli.dll");
    }

    [Theory]
    [InlineData("PerfEval", "PerfEval.xml", "T:PerfEval.Loading.JsonTree", "T:PerfEval.Evaluation.Evaluator")]
    [InlineData("PerfEval.Excel", "PerfEval.Excel.xml", "T:PerfEval.Excel.SheetLayout", "T:PerfEval.Excel.ExcelTableWriter")]
    public void The_xml_documentation_in_the_libraries_holds_public_members_only(string id, string file, string internalType, string publicType)
    {
        using var package = new NuGetPackage(packages.Package(id));

        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            var names = XDocument.Parse(package.ReadText($"lib/{tfm}/{file}")).Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();
            names.Should().Contain(publicType);
            var members = "M:" + internalType[2..] + ".";
            names.Where(n => n == internalType || n.StartsWith(members, StringComparison.Ordinal)).Should().BeEmpty();
        }
    }
}

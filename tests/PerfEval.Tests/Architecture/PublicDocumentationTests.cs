using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using PerfEval.Evaluation;

namespace PerfEval.Tests.Architecture;

/// <summary>The XML documentation that ships beside PerfEval.dll documents public members only (src/Directory.Build.targets).</summary>
public sealed partial class PublicDocumentationTests
{
    private static readonly Assembly Library = typeof(Evaluator).Assembly;

    /// <summary>Every key (qualified name without parameters or arity) of the documentation file.</summary>
    private static List<string> DocumentedKeys()
    {
        var file = Path.Combine(Path.GetDirectoryName(Library.Location)!, "PerfEval.xml");
        File.Exists(file).Should().BeTrue("the library's documentation file is copied beside it");
        return [.. XDocument.Load(file).Root!.Element("members")!.Elements("member")
            .Select(m => (string)m.Attribute("name")!)
            .Select(id => Arity().Replace(id[2..].Split('(')[0], string.Empty))];
    }

    /// <summary>The same keys for every type and member a consumer can see (public, or protected in a public type).</summary>
    private static HashSet<string> VisibleKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Library.GetExportedTypes())
        {
            var name = Arity().Replace(type.FullName!.Replace('+', '.'), string.Empty);
            keys.Add(name);
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(all))
            {
                var visible = member switch
                {
                    MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
                    FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
                    PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
                    EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
                    _ => false,
                };
                if (visible)
                {
                    keys.Add(name + "." + (member is ConstructorInfo ? "#ctor" : member.Name));
                }
            }
        }

        return keys;
    }

    [Fact]
    public void The_documentation_file_holds_no_internal_or_private_member()
    {
        var visible = VisibleKeys();

        DocumentedKeys().Where(k => !visible.Contains(k)).Should().BeEmpty();
    }

    [Fact]
    public void The_documentation_file_still_documents_the_public_api()
    {
        var documented = DocumentedKeys();

        documented.Should().Contain(["PerfEval.Evaluation.Evaluator", "PerfEval.Evaluation.Evaluator.#ctor", "PerfEval.Evaluation.IEvaluator.EvaluateIn",
            "PerfEval.Loading.LoadResult.Succeeded", "PerfEval.Batch.BatchItemStatus.RuleErrors", "PerfEval.Reporting.ResultJson.ReadAsync"]);
        documented.Should().NotContain(k => k.StartsWith("PerfEval.Loading.JsonTree", StringComparison.Ordinal));
        documented.Count.Should().BeGreaterThan(500);
    }

    [GeneratedRegex("`+[0-9]+")]
    private static partial Regex Arity();
}

using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Testing;

namespace PerfEval.Tests.Architecture;

/// <summary>
/// House rules on the shape of the source: a reader finds a type by its file name (<c>Type.cs</c>, or
/// <c>Type.Part.cs</c> for one part of a partial type).
/// </summary>
public sealed partial class SourceFileTests
{
    [Fact]
    public void Every_source_file_holds_one_top_level_type_named_like_the_file_or_a_part_of_it()
    {
        var src = Path.Combine(Repository.Root(), "src");
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "obj" or "bin"))
            {
                continue;
            }

            var types = TopLevelType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToList();
            if (types.Count > 1)
            {
                problems.Add($"{relative} holds {string.Join(", ", types)}");
            }
            else if (types.Count == 1 && types[0] != Path.GetFileNameWithoutExtension(file).Split('.')[0])
            {
                problems.Add($"{relative} holds {types[0]}");
            }
        }

        string.Join("; ", problems).Should().BeEmpty("each type has a file of its own name");
    }

    [Fact]
    public void The_file_rule_sees_a_file_with_two_types()
    {
        TopLevelType().Matches("""
            namespace X;

            /// <summary>A.</summary>
            public sealed record A(int B);

            internal enum C
            {
                D,
            }
            """).Select(m => m.Groups["name"].Value).Should().Equal("A", "C");
    }

    /// <summary>A type declared at the start of a line (file-scoped namespaces leave top-level types unindented).</summary>
    [GeneratedRegex(@"^(?:public|internal|file)\s+(?:(?:sealed|static|abstract|readonly|partial|ref)\s+)*(?:record\s+struct|record\s+class|record|class|enum|struct|interface)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}

using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Testing;

namespace PerfEval.Tests.Architecture;

/// <summary>
/// House rules on the shape of the source: a reader finds a type by its file name (<c>Type.cs</c>, or
/// <c>Type.Part.cs</c> for one part of a partial type). In <c>src/</c> a file holds that one type; in <c>tests/</c> a
/// file may also hold types that serve it alone (a fixture, a record of what it read, an attribute only it uses), but a
/// type that another file uses has a file of its own.
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
    public void Every_test_file_holds_a_type_named_like_it_and_no_other_file_uses_its_other_types()
    {
        var tests = Path.Combine(Repository.Root(), "tests");
        var problems = new List<string>();

        // A type can only be used by the files compiled with it: those of its project's folder.
        foreach (var project in Directory.EnumerateDirectories(tests))
        {
            var files = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
                .Select(f => (Relative: Path.GetRelativePath(tests, f).Replace('\\', '/'), Text: File.ReadAllText(f)))
                .Where(f => !f.Relative.Split('/').Any(part => part is "obj" or "bin"))
                .ToList();
            foreach (var (relative, text) in files)
            {
                // The snippets are the C# of docs/api.md, one code block a file, shown there with every type the block declares.
                if (relative.Split('/').Contains("DocSnippets"))
                {
                    continue;
                }

                var named = Path.GetFileName(relative).Split('.')[0];
                var types = TopLevelType().Matches(text).Select(m => m.Groups["name"].Value).ToList();
                if (!types.Contains(named))
                {
                    problems.Add($"{relative} holds no type {named}");
                }

                foreach (var type in types.Where(t => t != named).Distinct())
                {
                    var users = files.Where(f => f.Relative != relative && Uses(f.Text, type)).Select(f => f.Relative).ToList();
                    if (users.Count > 0)
                    {
                        problems.Add($"{relative} holds {type}, used by {string.Join(", ", users)}");
                    }
                }
            }
        }

        string.Join("; ", problems).Should().BeEmpty("a type that another file uses has a file of its own name");
    }

    [Fact]
    public void The_test_file_rule_sees_an_attribute_used_by_its_short_name_and_only_whole_names()
    {
        Uses("[SlowFact]\npublic void Renders() { }", "SlowFactAttribute").Should().BeTrue();
        Uses("var sample = Sample.All[0];", "Sample").Should().BeTrue();
        Uses("var samples = SampleList.All;", "Sample").Should().BeFalse();
        Uses("var factory = SlowFactory.Make();", "SlowFactAttribute").Should().BeFalse();
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

    /// <summary>Whether <paramref name="text"/> names <paramref name="type"/> (an attribute also by its name without <c>Attribute</c>).</summary>
    private static bool Uses(string text, string type)
    {
        var name = Regex.Escape(type.EndsWith("Attribute", StringComparison.Ordinal) ? type[..^"Attribute".Length] : type);
        return Regex.IsMatch(text, $@"\b{name}(?:Attribute)?\b");
    }

    /// <summary>A type declared at the start of a line (file-scoped namespaces leave top-level types unindented).</summary>
    [GeneratedRegex(@"^(?:public|internal|file)\s+(?:(?:sealed|static|abstract|readonly|partial|ref)\s+)*(?:record\s+struct|record\s+class|record|class|enum|struct|interface)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}

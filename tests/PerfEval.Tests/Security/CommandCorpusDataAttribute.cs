using System.Reflection;
using Xunit.Sdk;

namespace PerfEval.Tests.Security;

/// <summary>The rows of <see cref="CommandCorpusTests"/> that need one platform feature; skipped, with the reason, where it is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CommandCorpusDataAttribute : DataAttribute
{
    public CommandCorpusDataAttribute(string requires)
    {
        Requires = requires;
        if (CommandCorpus.Requirements.TryGetValue(requires, out var missing) && missing() is { } reason)
        {
            Skip = reason;
        }
    }

    public string Requires { get; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        CorpusEntry.All.Where(e => e.Kind == "cli" && e.Requires == Requires).Select(e => new object[] { e.Name });
}

using System.Collections.Immutable;
using PerfEval.Diagnostics;
using PerfEval.Scoring;

namespace PerfEval.Loading;

/// <summary>
/// Scoring policies by name. <see cref="BuiltIn"/> holds the national default <c>mof-2020</c> and the regional
/// variants shipped in rules/policies; add a province's policy file with <see cref="With"/>.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly ImmutableDictionary<string, ScoringPolicy> _policies;

    private PolicyCatalog(ImmutableDictionary<string, ScoringPolicy> policies) => _policies = policies;

    /// <summary>An empty catalogue that knows only <c>mof-2020</c>.</summary>
    public static PolicyCatalog Empty { get; } = new(ImmutableDictionary<string, ScoringPolicy>.Empty.Add(ScoringPolicy.Mof2020.Name, ScoringPolicy.Mof2020));

    /// <summary>The policies shipped with PerfEval (rules/policies/*.json, embedded in the library).</summary>
    public static PolicyCatalog BuiltIn { get; } = LoadBuiltIn();

    /// <summary>The names of the policies held, sorted.</summary>
    public IEnumerable<string> Names => _policies.Keys.Order(StringComparer.Ordinal);

    /// <summary>A catalogue that also holds <paramref name="policy"/> (replacing one of the same name).</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The new catalogue.</returns>
    public PolicyCatalog With(ScoringPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyCatalog(_policies.SetItem(policy.Name, policy));
    }

    /// <summary>Finds a policy by name.</summary>
    /// <param name="name">The name, such as <c>mof-2020</c>.</param>
    /// <param name="policy">The policy, when held.</param>
    /// <returns>True when the catalogue holds it.</returns>
    public bool TryGet(string name, out ScoringPolicy policy) => _policies.TryGetValue(name, out policy!);

    /// <summary>The policies by name, for the stages that resolve a policy's base.</summary>
    internal IReadOnlyDictionary<string, ScoringPolicy> ByName => _policies;

    private static PolicyCatalog LoadBuiltIn()
    {
        var catalog = Empty;
        var assembly = typeof(PolicyCatalog).Assembly;
        var pending = assembly.GetManifestResourceNames().Where(n => n.StartsWith("PerfEval.Policies.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        // A policy may extend another shipped one: read in rounds until every base is known.
        for (var round = 0; pending.Count > 0 && round < 8; round++)
        {
            foreach (var resource in pending.ToList())
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                var read = PerfEvalJson.ReadScoringPolicy(stream, resource, catalog);
                if (read.Value is { } policy)
                {
                    catalog = catalog.With(policy);
                    pending.Remove(resource);
                }
                else if (!read.Diagnostics.Any(d => d.Code == DiagnosticCodes.UnknownPolicy))
                {
                    throw new InvalidOperationException("A shipped policy is invalid: " + string.Join("; ", read.Diagnostics));
                }
            }
        }

        return catalog;
    }
}

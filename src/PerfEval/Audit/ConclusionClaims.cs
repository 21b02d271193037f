using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PerfEval.Audit;

/// <summary>
/// How the audit recognises a conclusion (评价结论) that claims every target was met (PE4007): phrases ("均按要求完成"),
/// patterns ("均…完成") and the negations that cancel a match ("均未完成", "未全部完成"). The defaults come from the data
/// file <c>rules/audit/conclusion-claims.json</c>, embedded in the library; a rule author extends them with
/// <see cref="WithPhrases"/> (the <c>perfeval audit --claim</c> option).
/// </summary>
public sealed record ConclusionClaims
{
    /// <summary>How many characters before a match are searched for a negation (未全部完成, 尚未全部完成, not fully met).</summary>
    private const int NegationWindow = 4;

    private static readonly Lazy<ConclusionClaims> BuiltIn = new(Load);

    private ImmutableArray<string> patterns = [];
    private ImmutableArray<Regex> compiled = [];

    /// <summary>The claims of the embedded data file.</summary>
    public static ConclusionClaims Default => BuiltIn.Value;

    /// <summary>Phrases that claim every target was met when they occur, not preceded by a negation.</summary>
    public ImmutableArray<string> Phrases { get; init; } = [];

    /// <summary>Regular expressions (.NET syntax, matched without backtracking) that claim every target was met when they match without a negation.</summary>
    public ImmutableArray<string> Patterns
    {
        get => patterns;
        init
        {
            patterns = value;
            compiled = [.. value.Select(p => new Regex(p, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))];
        }
    }

    /// <summary>Words that cancel a match when they stand inside it or just before it (未, 没有, not).</summary>
    public ImmutableArray<string> Negations { get; init; } = [];

    /// <summary>These claims and more phrases.</summary>
    /// <param name="phrases">The phrases to add; blank ones are left out.</param>
    /// <returns>The extended claims.</returns>
    public ConclusionClaims WithPhrases(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        return this with { Phrases = [.. Phrases.Concat(phrases.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())).Distinct(StringComparer.Ordinal)] };
    }

    /// <summary>Whether a conclusion claims that every target was met.</summary>
    /// <param name="conclusion">The conclusion as written.</param>
    /// <returns>True when a phrase occurs or a pattern matches, in either case without a negation.</returns>
    public bool Claims(string conclusion)
    {
        ArgumentNullException.ThrowIfNull(conclusion);
        foreach (var phrase in Phrases)
        {
            for (var at = conclusion.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = conclusion.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (!Negated(conclusion, at, phrase.Length))
                {
                    return true;
                }
            }
        }

        foreach (var pattern in compiled)
        {
            for (var m = pattern.Match(conclusion); m.Success; m = m.NextMatch())
            {
                if (!Negated(conclusion, m.Index, m.Length))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Negated(string text, int start, int length)
    {
        var from = Math.Max(0, start - NegationWindow);
        var around = text.AsSpan(from, start + length - from);
        foreach (var negation in Negations)
        {
            if (around.Contains(negation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static ConclusionClaims Load()
    {
        using var stream = typeof(ConclusionClaims).Assembly.GetManifestResourceStream("PerfEval.Audit.conclusion-claims.json")
            ?? throw new InvalidOperationException("The embedded conclusion claims are missing.");
        using var document = JsonDocument.Parse(stream);
        ImmutableArray<string> List(string name) => [.. document.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
        return new ConclusionClaims { Phrases = List("phrases"), Patterns = List("patterns"), Negations = List("negations") };
    }
}

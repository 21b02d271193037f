using System.Text.Json;
using PerfEval.Diagnostics;

namespace PerfEval.Tests.Security;

/// <summary>One entry of Security/Corpus/corpus.json.</summary>
internal sealed record CorpusEntry
{
    private static readonly Lazy<IReadOnlyList<CorpusEntry>> Entries = new(Load);

    public required string Name { get; init; }

    /// <summary>set, actuals, policy or programme.</summary>
    public required string Kind { get; init; }

    /// <summary>The document, for set, actuals and policy entries.</summary>
    public string? File { get; init; }

    /// <summary>The indicator set of a programme entry.</summary>
    public string? Set { get; init; }

    /// <summary>The actuals of a programme entry.</summary>
    public string? Actuals { get; init; }

    /// <summary>The codes the entry must produce, each with its severity.</summary>
    public required IReadOnlyDictionary<string, DiagnosticSeverity> Codes { get; init; }

    public string? Note { get; init; }

    /// <summary>Codes that must not be reported.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>For a cli entry: the platform feature it needs (a key of <see cref="CommandCorpus.Requirements"/>; empty for none).</summary>
    public string Requires { get; init; } = string.Empty;

    /// <summary>For a cli entry: the command line, with {dir} for the entry's own folder.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>For a cli entry: the exit code expected, if any.</summary>
    public int? Exit { get; init; }

    /// <summary>For a cli entry: named checks of the outcome (see <see cref="CommandCorpus"/>).</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>For a cli entry: the whole entry, for the file specifications and the expected output.</summary>
    public JsonElement Raw { get; init; }

    /// <summary>The corpus files the entry uses (its documents, and those a cli entry copies into its folder).</summary>
    public IEnumerable<string> Files => new[] { File, Set, Actuals }.OfType<string>().Concat(CommandCorpus.CopiedFiles(this));

    public static IReadOnlyList<CorpusEntry> All => Entries.Value;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Security", "Corpus");

    public static string PathOf(string relative) => Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Expected => string.Join(", ", Codes.Select(c => $"{c.Key} {c.Value.ToString().ToLowerInvariant()}"));

    public string Describe() => $"corpus entry '{Name}' ({string.Join(" + ", Files)}; expects {Expected}{(Note is null ? string.Empty : "; " + Note)})";

    private static List<CorpusEntry> Load()
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Folder, "corpus.json")));
        return [.. document.RootElement.GetProperty("entries").EnumerateArray().Select(e => new CorpusEntry
        {
            Name = e.GetProperty("name").GetString()!,
            Kind = e.GetProperty("kind").GetString()!,
            File = Optional(e, "file"),
            Set = Optional(e, "set"),
            Actuals = Optional(e, "actuals"),
            Codes = e.GetProperty("codes").EnumerateObject().ToDictionary(c => c.Name, c => Enum.Parse<DiagnosticSeverity>(c.Value.GetString()!, ignoreCase: true), StringComparer.Ordinal),
            Note = Optional(e, "note"),
            Absent = Strings(e, "absent"),
            Requires = Optional(e, "requires") ?? string.Empty,
            Args = Strings(e, "args"),
            Exit = e.TryGetProperty("exit", out var exit) ? exit.GetInt32() : null,
            Checks = Strings(e, "checks"),
            Raw = e.Clone(),
        })];
    }

    private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? [.. v.EnumerateArray().Select(x => x.GetString()!)] : [];
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FluentAssertions;
using PerfEval.Actuals;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Indicators;
using PerfEval.Loading;
using PerfEval.Scoring;
using Xunit.Abstractions;

namespace PerfEval.Tests.Security;

/// <summary>
/// Runs every entry of the bad-input corpus (Security/Corpus/corpus.json): broken JSON, typos, wrong types,
/// duplicate ids, impossible targets, zero, negative, huge and overflowing numbers, empty files, foreign encodings,
/// byte order marks, deep nesting, broken UTF-8. Each entry names the diagnostic code it must produce. For each:
/// nothing is thrown, it finishes within seconds, the code is there with its severity, and there is never a value
/// (or a figure) without a finding that explains what is wrong. The entries of kind <c>cli</c> (devices, FIFOs,
/// hostile paths and output targets) run the command as a process: <see cref="CommandCorpusTests"/>.
/// </summary>
public sealed class BadInputCorpusTests(ITestOutputHelper output)
{
    /// <summary>Generous: every entry takes milliseconds; this only catches hangs.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Entries()
    {
        var data = new TheoryData<string>();
        foreach (var e in CorpusEntry.All.Where(e => e.Kind != "cli"))
        {
            data.Add(e.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_yields_its_code_without_an_exception_or_an_unexplained_value(string name)
    {
        var entry = CorpusEntry.All.Single(e => e.Name == name);

        var problems = Run(entry);

        problems.Should().BeEmpty($"{entry.Describe()} must keep every promise");
    }

    [Fact]
    public void The_corpus_is_large_and_every_entry_names_its_code_and_its_files()
    {
        var all = CorpusEntry.All;
        all.Should().HaveCountGreaterThanOrEqualTo(60);
        all.Select(e => e.Name).Should().OnlyHaveUniqueItems();
        all.Select(e => e.Kind).Distinct().Should().BeEquivalentTo(["set", "actuals", "policy", "programme", "cli"]);
        foreach (var e in all)
        {
            if (e.Kind == "cli")
            {
                // A command entry checks its exit code, its codes or what its output must (not) hold, and names what it needs.
                (e.Codes.Count > 0 || e.Checks.Count > 0).Should().BeTrue($"{e.Name} must name the code it expects or what it checks");
                CommandCorpus.Requirements.Should().ContainKey(e.Requires, $"{e.Name} needs a known platform feature");
                e.Args.Should().NotBeEmpty(e.Name);
            }
            else
            {
                e.Codes.Should().NotBeEmpty($"{e.Name} must name the code it expects");
            }

            e.Codes.Keys.Where(c => c.Length != 6 || !c.StartsWith("PE", StringComparison.Ordinal)).Should().BeEmpty(e.Name);
            foreach (var file in e.Files)
            {
                File.Exists(CorpusEntry.PathOf(file)).Should().BeTrue($"{e.Name} names {file}");
            }
        }

        output.WriteLine($"{all.Count} corpus entries, every one run");
    }

    [Fact]
    public void The_sound_documents_the_corpus_pairs_with_load_and_evaluate_without_errors()
    {
        var set = PerfEvalJson.ReadIndicatorSetFile(CorpusEntry.PathOf("good/indicators.json"));
        var actuals = PerfEvalJson.ReadActualsFile(CorpusEntry.PathOf("good/actuals.json"));
        var policy = PerfEvalJson.ReadScoringPolicyFile(CorpusEntry.PathOf("good/policy.json"), catalog: null);

        set.Diagnostics.Should().BeEmpty();
        actuals.Diagnostics.Should().BeEmpty();
        policy.Diagnostics.Should().BeEmpty();
        var result = new Evaluator().Evaluate(set.Value!, actuals.Value!);
        result.Findings.Should().NotContain(f => f.Severity == DiagnosticSeverity.Error);
        result.Indicators.Should().OnlyContain(i => i.Status == IndicatorStatus.Met);
    }

    [Theory]
    [InlineData("set")]
    [InlineData("actuals")]
    [InlineData("policy")]
    public void A_50_MB_document_is_refused_quickly_with_PE1011_as_a_file_and_as_a_stream(string kind)
    {
        // Well-formed JSON, so that only its size can refuse it: one long description.
        var folder = Directory.CreateTempSubdirectory("perfeval-security-");
        try
        {
            var path = Path.Combine(folder.FullName, "big.json");
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                writer.Write("{\"description\": \"");
                var chunk = new string('长', 1024);
                for (var written = 0L; written < 50L * 1024 * 1024; written += chunk.Length * 3L)
                {
                    writer.Write(chunk);
                }

                writer.Write("\"}");
            }

            new FileInfo(path).Length.Should().BeGreaterThan(50L * 1024 * 1024);

            var (fromFile, fileFailure, fileTime) = Promises.Within(Limit, () => Read(kind, path));
            fileFailure.Should().BeNull();
            Single(fromFile!, DiagnosticCodes.UnreadableFile).Location!.Source.Should().Be(path);

            var (fromStream, streamFailure, streamTime) = Promises.Within(Limit, () =>
            {
                using var stream = File.OpenRead(path);
                return ReadStream(kind, stream);
            });
            streamFailure.Should().BeNull();
            Single(fromStream!, DiagnosticCodes.UnreadableFile);
            output.WriteLine($"{kind}: refused in {fileTime.TotalMilliseconds:0} ms as a file, {streamTime.TotalMilliseconds:0} ms as a stream");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_stream_one_byte_over_16_MiB_is_refused_and_one_at_the_limit_is_read()
    {
        // A document of exactly 16 MiB of padding is read (and refused only for what it says); one byte more is too large.
        static MemoryStream Padded(int size)
        {
            var head = "{\"indicatorSet\": \"corpus-2025\", \"indicators\": {}, \"description\": \""u8.ToArray();
            var tail = "\"}"u8.ToArray();
            var bytes = new byte[size];
            head.CopyTo(bytes, 0);
            bytes.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)'x');
            tail.CopyTo(bytes, size - tail.Length);
            return new MemoryStream(bytes);
        }

        var atLimit = PerfEvalJson.ReadActuals(Padded(PerfEvalJson.MaxDocumentBytes));
        var over = PerfEvalJson.ReadActuals(Padded(PerfEvalJson.MaxDocumentBytes + 1));

        atLimit.Diagnostics.Should().BeEmpty();
        atLimit.Value.Should().NotBeNull();
        Single(over, DiagnosticCodes.UnreadableFile);
    }

    /// <summary>
    /// Size alone, well below 16 MiB, must not make reading slow. Minified JSON keeps a whole document on one line;
    /// the same entries one per line are the control.
    /// </summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void A_large_document_is_read_within_seconds_whether_minified_or_not(bool onePerLine, bool wrongTypes)
    {
        const int entries = 40_000;
        var json = new StringBuilder("{\"indicatorSet\": \"corpus-2025\", \"indicators\": {");
        for (var i = 0; i < entries; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(onePerLine ? "\n" : string.Empty).Append(CultureInfo.InvariantCulture, $"\"k{i}\": {(wrongTypes ? "true" : i.ToString(CultureInfo.InvariantCulture))}");
        }

        json.Append("}}");

        var (result, failure, elapsed) = Promises.Within(Limit, () => PerfEvalJson.ReadActuals(json.ToString(), "actuals.json"));

        failure.Should().BeNull();
        Promises.OfLoad(result!).Should().BeEmpty();
        result!.Diagnostics.Should().HaveCount(wrongTypes ? entries : 0);
        result.Diagnostics.Should().NotContain(d => d.Code != DiagnosticCodes.WrongType);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), $"{json.Length / 1024} KiB");
    }

    [Fact]
    public void Many_misspelt_actual_ids_are_reported_within_seconds()
    {
        const int count = 2000;
        var set = new StringBuilder("{\"id\": \"many-2025\", \"name\": \"多指标\", \"year\": 2025, \"indicators\": [");
        var actuals = new StringBuilder("{\"indicatorSet\": \"many-2025\", \"indicators\": {");
        for (var i = 0; i < count; i++)
        {
            set.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture, $"{{\"id\": \"indicator-number-{i}\", \"name\": \"数量{i}\", \"level2\": \"quantity\", \"target\": \"≥10\"}}");
            actuals.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture, $"\"indicator-numbre-{i}\": {i}");
        }

        set.Append("]}");
        actuals.Append("}}");
        var programme = (PerfEvalJson.ReadIndicatorSet(set.ToString(), "indicators.json").GetValueOrThrow(), PerfEvalJson.ReadActuals(actuals.ToString(), "actuals.json").GetValueOrThrow());

        var (result, failure, elapsed) = Promises.Within(Limit, () => new Evaluator().Evaluate(programme.Item1, programme.Item2));

        failure.Should().BeNull();
        result!.Findings.Count(f => f.Code == DiagnosticCodes.UnknownIndicator).Should().Be(count);
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    private static object Read(string kind, string path) => kind switch
    {
        "set" => PerfEvalJson.ReadIndicatorSetFile(path),
        "actuals" => PerfEvalJson.ReadActualsFile(path),
        _ => PerfEvalJson.ReadScoringPolicyFile(path, catalog: null),
    };

    private static object ReadStream(string kind, Stream stream) => kind switch
    {
        "set" => PerfEvalJson.ReadIndicatorSet(stream),
        "actuals" => PerfEvalJson.ReadActuals(stream),
        _ => PerfEvalJson.ReadScoringPolicy(stream, sourceName: null, catalog: null),
    };

    private static Diagnostic Single(object loadResult, string code)
    {
        var (value, diagnostics) = Unpack(loadResult);
        value.Should().BeNull();
        var d = diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(code);
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        return d;
    }

    private static (object? Value, ImmutableArray<Diagnostic> Diagnostics) Unpack(object loadResult) => loadResult switch
    {
        LoadResult<IndicatorSet> r => (r.Value, r.Diagnostics),
        LoadResult<ProgrammeActuals> r => (r.Value, r.Diagnostics),
        LoadResult<ScoringPolicy> r => (r.Value, r.Diagnostics),
        _ => throw new ArgumentException(loadResult.GetType().Name, nameof(loadResult)),
    };

    /// <summary>Runs one entry within <see cref="Limit"/>; returns every broken promise.</summary>
    private static List<string> Run(CorpusEntry entry)
    {
        var (outcome, failure, _) = Promises.Within(Limit, () => entry.Kind == "programme" ? RunProgramme(entry) : RunDocument(entry));
        return failure is not null ? [failure] : outcome!;
    }

    private static List<string> RunDocument(CorpusEntry entry)
    {
        var path = CorpusEntry.PathOf(entry.File!);
        var problems = new List<string>();
        var result = Read(entry.Kind, path);
        var (value, diagnostics) = Unpack(result);
        problems.AddRange(result switch
        {
            LoadResult<IndicatorSet> r => Promises.OfLoad(r),
            LoadResult<ProgrammeActuals> r => Promises.OfLoad(r),
            LoadResult<ScoringPolicy> r => Promises.OfLoad(r),
            _ => [],
        });

        foreach (var d in diagnostics)
        {
            if (d.Location?.Source != path)
            {
                problems.Add($"{d.Code} does not point into the file: {d}");
            }
        }

        problems.AddRange(MissingCodes(entry, diagnostics));
        problems.AddRange(AbsentCodes(entry, diagnostics));
        if (entry.Codes.Values.Contains(DiagnosticSeverity.Error) && value is not null)
        {
            problems.Add("a value was returned for a document with an error");
        }

        return Explain(problems, diagnostics);
    }

    private static List<string> RunProgramme(CorpusEntry entry)
    {
        var problems = new List<string>();
        var set = PerfEvalJson.ReadIndicatorSetFile(CorpusEntry.PathOf(entry.Set!));
        var actuals = PerfEvalJson.ReadActualsFile(CorpusEntry.PathOf(entry.Actuals!));
        problems.AddRange(Promises.OfLoad(set));
        problems.AddRange(Promises.OfLoad(actuals));
        var all = set.Diagnostics.AddRange(actuals.Diagnostics);
        if (set.Value is not null && actuals.Value is not null)
        {
            var result = new Evaluator().Evaluate(set.Value, actuals.Value);
            problems.AddRange(Promises.OfEvaluation(result));
            all = all.AddRange(result.Findings);
            if (entry.Codes.Values.Contains(DiagnosticSeverity.Error) && !result.HasErrors)
            {
                problems.Add("the evaluation has no error although the entry expects one");
            }
        }

        problems.AddRange(MissingCodes(entry, all));
        problems.AddRange(AbsentCodes(entry, all));
        return Explain(problems, all);
    }

    private static IEnumerable<string> MissingCodes(CorpusEntry entry, ImmutableArray<Diagnostic> diagnostics) =>
        entry.Codes.Where(c => !diagnostics.Any(d => d.Code == c.Key && d.Severity == c.Value))
            .Select(c => $"expected {c.Key} ({c.Value.ToString().ToLowerInvariant()})");

    private static IEnumerable<string> AbsentCodes(CorpusEntry entry, ImmutableArray<Diagnostic> diagnostics) =>
        entry.Absent.Where(code => diagnostics.Any(d => d.Code == code)).Select(code => $"{code} must not be reported");

    private static List<string> Explain(List<string> problems, ImmutableArray<Diagnostic> diagnostics)
    {
        if (problems.Count > 0)
        {
            problems.Add("diagnostics: " + (diagnostics.IsEmpty ? "none" : string.Join(" | ", diagnostics.Select(d => $"{d.Severity} {d.Code} {d.Path}"))));
        }

        return problems;
    }
}

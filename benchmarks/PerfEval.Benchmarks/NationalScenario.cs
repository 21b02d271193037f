using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfEval.Batch;
using PerfEval.Benchmarks.Data;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Benchmarks;

/// <summary>
/// The national scenario: a JSON Lines file of distinct seed-sized programmes (47 indicators each, every programme
/// with its own indicator set), read, evaluated on every core in input order and written as summary lines, as
/// <c>perfeval evaluate big.jsonl --format jsonl --detail summary</c> does; beside it the floor, a plain
/// <see cref="JsonDocument"/> parse of each line of the same file.
/// </summary>
internal sealed class NationalScenario
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public NationalScenario(int programmes)
        : this(programmes, NationalInput.TempFile(programmes))
    {
    }

    public NationalScenario(int programmes, string file)
    {
        Programmes = programmes;
        File = file;
        Bytes = new FileInfo(file).Length;
    }

    public static int Parallelism => Environment.ProcessorCount;

    public int Programmes { get; }

    public string File { get; }

    public long Bytes { get; }

    public Evaluator PerfEval { get; } = new();

    /// <summary>
    /// PerfEval end to end: the file's lines read as bytes, each read, evaluated and written as a summary line (or
    /// the full result) on a worker, the lines put out in input order.
    /// </summary>
    /// <returns>The number of lines written.</returns>
    public int RunPerfEval(Stream output, bool summary = true)
    {
        var count = 0;
        var options = new BatchOptions { MaxDegreeOfParallelism = Parallelism };
        foreach (var line in PerfEval.EvaluateSelect(BatchInput.FromJsonLinesFile(File), item => Line(item, summary), options))
        {
            output.Write(line);
            count++;
        }

        return count;
    }

    /// <summary>The floor: each line of the same file parsed with <see cref="JsonDocument"/>, on <paramref name="threads"/> threads.</summary>
    /// <returns>The number of lines parsed.</returns>
    public int RunParse(int threads)
    {
        var count = 0;
        if (threads == 1)
        {
            foreach (var line in Lines(File))
            {
                count += Parse(line);
            }

            return count;
        }

        Parallel.ForEach(Lines(File), new ParallelOptions { MaxDegreeOfParallelism = threads }, () => 0, (line, _, local) => local + Parse(line), local => Interlocked.Add(ref count, local));
        return count;
    }

    /// <summary>One summary line (or full result line), UTF-8, made on the calling thread.</summary>
    public static byte[] Line(BatchItem item, bool summary)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Compact);
        writer.Reset(buffer);
        if (summary)
        {
            item.WriteSummary(writer);
        }
        else
        {
            ResultJson.Write(item.Result ?? throw new InvalidOperationException($"{item.Name}: {string.Join("; ", item.Diagnostics)}"), writer);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The lines of a file as UTF-8 bytes, split without decoding (as PerfEval's JSON Lines reader does).</summary>
    public static IEnumerable<byte[]> Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        int start = 0, end = 0, n;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                yield return buffer.AsSpan(start, newline).ToArray();
                start += newline + 1;
                continue;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                (end, start) = (end - start, 0);
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            if ((n = stream.Read(buffer, end, buffer.Length - end)) == 0)
            {
                break;
            }

            end += n;
        }

        if (end > start)
        {
            yield return buffer.AsSpan(start, end - start).ToArray();
        }
    }

    private static int Parse(byte[] line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
    }

    /// <summary>
    /// Before timing: every line is read without errors and comes out once, in order; and on a sample, each summary
    /// line gives the figures of a direct evaluation of its programme (total, grade, execution rate, statuses, codes).
    /// </summary>
    public List<string> Check(int sample)
    {
        var problems = new List<string>();
        var summaries = new List<byte[]>(Programmes);
        foreach (var line in PerfEval.EvaluateSelect(BatchInput.FromJsonLinesFile(File), item => Line(item, summary: true), new BatchOptions { MaxDegreeOfParallelism = Parallelism }))
        {
            summaries.Add(line);
        }

        if (summaries.Count != Programmes)
        {
            problems.Add($"{summaries.Count} summary lines for {Programmes} programmes.");
            return problems;
        }

        var step = Math.Max(1, Programmes / sample);
        var index = 0;
        foreach (var line in Lines(File))
        {
            var i = index++;
            using var summary = JsonDocument.Parse(summaries[i]);
            var s = summary.RootElement;
            if (s.GetProperty("errors").GetInt32() != 0)
            {
                problems.Add($"line {i + 1}: {s}");
                continue;
            }

            var name = ProgrammeGenerator.Programme(i, ProgrammeGenerator.SeedSizedIndicators, indented: false).Name;
            if (s.GetProperty("indicatorSet").GetString() != name)
            {
                problems.Add($"line {i + 1} comes out as {s.GetProperty("indicatorSet")}, not {name}: out of order.");
            }

            if (i % step != 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var set = PerfEvalJson.ReadIndicatorSet(doc.RootElement.GetProperty("indicatorSet").GetRawText()).GetValueOrThrow();
            var actuals = PerfEvalJson.ReadActuals(doc.RootElement.GetProperty("actuals").GetRawText()).GetValueOrThrow();
            var direct = PerfEval.Evaluate(set, actuals);
            var statuses = s.GetProperty("statuses");
            var agree = s.GetProperty("totalScore").GetDecimal() == direct.TotalScore
                && s.GetProperty("grade").GetString() == direct.Grade.Label
                && s.GetProperty("executionRate").GetDecimal() == direct.Budget.ExecutionRate
                && Enum.GetValues<IndicatorStatus>().All(st => statuses.GetProperty(ResultJson.StatusCode(st)).GetInt32() == direct.Indicators.Count(r => r.Status == st))
                && s.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).SequenceEqual(direct.Findings.Select(f => f.Code));
            if (!agree)
            {
                problems.Add($"line {i + 1}: the summary {s} does not give the figures of a direct evaluation ({direct.TotalScore}, {direct.Grade.Label}, {direct.Budget.ExecutionRate}).");
            }
        }

        return problems;
    }

    /// <summary>Per programme, on one thread: CPU time (ns) and bytes allocated by each step of the pipeline.</summary>
    public sealed record Stage(string Name, double CpuNanoseconds, double Bytes);

    private static readonly string[] StageNames =
    [
        "split the file into lines (bytes)",
        "floor: JsonDocument.Parse of the line",
        "read: indicator set + actuals, with the set's checks",
        "evaluate, first time for the set (prepare + evaluate)",
        "evaluate again (evaluation alone)",
        "write the summary line",
        "write the full result (compact)",
    ];

    /// <summary>
    /// Where the time goes, one thread, on the first <paramref name="sample"/> lines (warmed up first), a few lines at
    /// a time so that, as in the pipeline, only a few programmes are alive at once: splitting the file into lines,
    /// the floor's parse, reading (the two documents, with the set's checks), the first evaluation of each set (what
    /// the evaluator prepares per set, on top of evaluating), a second evaluation (evaluating alone), writing the
    /// summary line, and writing the full result.
    /// </summary>
    public List<Stage> Stages(int sample)
    {
        var cpu = new double[StageNames.Length];
        var bytes = new double[StageNames.Length];
        RunStages(Math.Min(sample, 300), cpu, bytes);
        Array.Clear(cpu);
        Array.Clear(bytes);
        var n = RunStages(sample, cpu, bytes);
        return [.. StageNames.Select((name, k) => new Stage(name, cpu[k] / n, bytes[k] / n))];
    }

    private int RunStages(int sample, double[] cpu, double[] bytes)
    {
        const int chunk = 8;
        var lines = new byte[chunk][];
        var programmes = new Programme[chunk];
        var results = new EvaluationResult[chunk];
        var sink = 0L;
        var done = 0;
        using var source = Lines(File).Take(sample).GetEnumerator();
        while (done < sample)
        {
            var n = 0;
            Measure(0, () =>
            {
                while (n < chunk && source.MoveNext())
                {
                    lines[n++] = source.Current;
                }
            });
            if (n == 0)
            {
                break;
            }

            Measure(1, () =>
            {
                for (var i = 0; i < n; i++)
                {
                    sink += Parse(lines[i]);
                }
            });
            Measure(2, () =>
            {
                for (var i = 0; i < n; i++)
                {
                    programmes[i] = Read(lines[i]);
                }
            });
            Measure(3, () =>
            {
                for (var i = 0; i < n; i++)
                {
                    results[i] = PerfEval.Evaluate(programmes[i]);
                }
            });
            Measure(4, () =>
            {
                for (var i = 0; i < n; i++)
                {
                    results[i] = PerfEval.Evaluate(programmes[i]);
                }
            });
            Measure(5, () =>
            {
                for (var i = 0; i < n; i++)
                {
                    sink += Line(new BatchItem { Index = i, Name = results[i].IndicatorSetId, Result = results[i] }, summary: true).Length;
                }
            });
            Measure(6, () =>
            {
                for (var i = 0; i < n; i++)
                {
                    sink += Line(new BatchItem { Index = i, Name = results[i].IndicatorSetId, Result = results[i] }, summary: false).Length;
                }
            });
            done += n;
        }

        GC.KeepAlive(sink);
        return done;

        void Measure(int stage, Action action)
        {
            var b0 = GC.GetAllocatedBytesForCurrentThread();
            var c0 = CpuClock.Available ? CpuClock.Thread() : Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency);
            action();
            var c1 = CpuClock.Available ? CpuClock.Thread() : Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency);
            cpu[stage] += c1 - c0;
            bytes[stage] += GC.GetAllocatedBytesForCurrentThread() - b0;
        }
    }

    /// <summary>A line read through the public API: the two documents found with a reader and read from where they lie.</summary>
    private static Programme Read(byte[] line)
    {
        var reader = new Utf8JsonReader(line);
        Range set = default, actuals = default;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSet = reader.ValueTextEquals("indicatorSet"u8);
            var isActuals = reader.ValueTextEquals("actuals"u8);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            if (isSet)
            {
                set = start..(int)reader.BytesConsumed;
            }
            else if (isActuals)
            {
                actuals = start..(int)reader.BytesConsumed;
            }
        }

        var (s, sl) = set.GetOffsetAndLength(line.Length);
        var (a, al) = actuals.GetOffsetAndLength(line.Length);
        using var setStream = new MemoryStream(line, s, sl, writable: false);
        using var actualsStream = new MemoryStream(line, a, al, writable: false);
        return new Programme(PerfEvalJson.ReadIndicatorSet(setStream).GetValueOrThrow(), PerfEvalJson.ReadActuals(actualsStream).GetValueOrThrow());
    }
}

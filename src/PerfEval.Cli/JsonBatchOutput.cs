using System.Buffers;
using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfEval.Batch;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Reporting;

namespace PerfEval.Cli;

/// <summary>
/// <c>evaluate --format json|jsonl [--detail full|summary]</c>: each programme is read, evaluated and written as UTF-8
/// JSON on the worker that evaluated it; the calling thread only puts the lines out in input order. On the console
/// the bytes go straight to standard output through one buffer.
/// </summary>
internal static class JsonBatchOutput
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_compact;

    [ThreadStatic]
    private static Utf8JsonWriter? t_indented;

    /// <summary>One programme's output, made on a worker: its JSON (null when nothing is printed for it) and what the exit code and standard error need.</summary>
    private sealed record Formatted(string Name, bool Read, bool HasErrors, ImmutableArray<Diagnostic> ReadDiagnostics, byte[]? Json);

    /// <summary>Evaluates and writes the programmes; returns the exit code given the one so far.</summary>
    public static int Write(IEvaluator evaluator, IEnumerable<BatchInput> inputs, bool lines, bool summary, bool many, Progress progress, TextWriter output, TextWriter error, int exit)
    {
        var sink = Utf8Output.For(output);
        var array = !lines && many;
        var first = true;
        if (array)
        {
            sink.Write("[\n"u8);
        }

        var options = new BatchOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        foreach (var item in evaluator.EvaluateSelect(inputs, item => Format(item, lines, summary), options))
        {
            progress.Next(item.Name);
            if (!item.Read)
            {
                progress.Interrupt();
                CliApp.WriteDiagnostics(item.ReadDiagnostics, error);
                exit = CliApp.InputErrors;
            }
            else if (item.HasErrors)
            {
                exit = CliApp.InputErrors;
            }

            if (item.Json is { } json)
            {
                if (!lines && !first)
                {
                    sink.Write(",\n"u8);
                }

                sink.Write(json);
                first = false;
            }
        }

        progress.Done();
        if (!lines && (!first || array))
        {
            sink.Write("\n"u8);
        }

        if (array)
        {
            sink.Write("]\n"u8);
        }

        sink.Flush();
        return exit;
    }

    /// <summary>On the worker: the programme's JSON (a line of its own for JSON Lines), as UTF-8.</summary>
    private static Formatted Format(BatchItem item, bool lines, bool summary)
    {
        var result = item.Result;
        byte[]? json = null;
        if (summary || result is not null)
        {
            var buffer = t_buffer ??= new ArrayBufferWriter<byte>(64 * 1024);
            buffer.ResetWrittenCount();
            var writer = lines || summary
                ? t_compact ??= new Utf8JsonWriter(buffer, Compact)
                : t_indented ??= new Utf8JsonWriter(buffer, Indented);
            writer.Reset(buffer);
            if (summary)
            {
                item.WriteSummary(writer);
            }
            else
            {
                ResultJson.Write(result!, writer);
            }

            writer.Flush();
            if (lines)
            {
                buffer.Write("\n"u8);
            }

            json = buffer.WrittenSpan.ToArray();
        }

        return new Formatted(item.Name, result is not null, result?.HasErrors ?? true, result is null ? item.Diagnostics : [], json);
    }
}

using System.Buffers;
using System.Text.Json;
using PerfEval.Batch;
using PerfEval.Evaluation;
using PerfEval.Reporting;

namespace Samples;

public static class JsonLinesSummaries
{
    /// <summary>
    /// Reads a JSON Lines file (one {"name", "indicatorSet", "actuals"} per line), evaluates it on every processor
    /// and writes one summary line per programme to <paramref name="output"/>, in input order. Each line is read,
    /// evaluated and turned into its summary on a worker; only the writing happens here.
    /// </summary>
    public static int WriteSummaries(string jsonLinesFile, Stream output)
    {
        var count = 0;
        foreach (byte[] line in new Evaluator().EvaluateSelect(BatchInput.FromJsonLinesFile(jsonLinesFile), Summary))
        {
            output.Write(line);
            count++;
        }

        return count;
    }

    private static byte[] Summary(BatchItem item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            item.WriteSummary(writer);   // nulls and the read diagnostics' codes when the line could not be read
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}

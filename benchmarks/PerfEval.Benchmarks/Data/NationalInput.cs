using System.Text;

namespace PerfEval.Benchmarks.Data;

/// <summary>
/// The <c>national</c> scenario's input: a JSON Lines file of distinct seed-sized programmes (47 indicators each, every
/// programme with its own indicator set, targets, actuals and budget), one
/// <c>{"name": …, "indicatorSet": {…}, "actuals": {…}}</c> per line, as <c>perfeval evaluate big.jsonl</c> reads it.
/// </summary>
public static class NationalInput
{
    /// <summary>A national year's worth for one machine: 20,000 programmes.</summary>
    public const int DefaultProgrammes = 20_000;

    /// <summary>The programmes a run uses: <c>PERFEVAL_NATIONAL</c> when set (for quick runs), else <see cref="DefaultProgrammes"/>.</summary>
    public static int Programmes =>
        int.TryParse(Environment.GetEnvironmentVariable("PERFEVAL_NATIONAL"), out var n) && n > 0 ? n : DefaultProgrammes;

    /// <summary>
    /// Writes programmes 0 … <paramref name="count"/> − 1 to <paramref name="path"/>, generated a thousand at a time on
    /// every core, so that generating does not hold the whole file in memory.
    /// </summary>
    /// <returns>The file's size in bytes.</returns>
    public static long Write(string path, int count)
    {
        const int chunk = 1000;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var lines = new byte[chunk][];
        for (var start = 0; start < count; start += chunk)
        {
            var n = Math.Min(chunk, count - start);
            Parallel.For(0, n, k =>
            {
                var p = ProgrammeGenerator.Programme(start + k, ProgrammeGenerator.SeedSizedIndicators, indented: false);
                lines[k] = utf8.GetBytes($$"""{"name":"{{p.Name}}","indicatorSet":{{p.IndicatorsJson}},"actuals":{{p.ActualsJson}}}""" + "\n");
            });
            for (var k = 0; k < n; k++)
            {
                file.Write(lines[k]);
            }
        }

        return file.Length;
    }

    /// <summary>A temporary file holding <paramref name="count"/> programmes, made once per process and count.</summary>
    public static string TempFile(int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"perfeval-national-{count}-{Environment.ProcessId}.jsonl");
        if (!File.Exists(path))
        {
            Write(path, count);
        }

        return path;
    }
}

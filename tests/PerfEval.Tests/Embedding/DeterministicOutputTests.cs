using System.Text;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Evaluation;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Embedding;

/// <summary>The same result written twice gives the same bytes, so outputs can be cached and compared (xlsx: PerfEval.Excel.Tests).</summary>
public sealed class DeterministicOutputTests(SeedExample seed) : IClassFixture<SeedExample>
{
    private EvaluationResult Twice() => new Evaluator().Evaluate(seed.Load.Value!);

    [Fact]
    public void Json_written_twice_is_byte_identical()
    {
        ResultJson.ToJson(Twice()).Should().Be(ResultJson.ToJson(seed.Result with { }));
        Bytes(s => ResultJson.Write(seed.Result, s)).Should().Equal(Bytes(s => ResultJson.Write(seed.Result, s)));
        AuditJson.ToJson(Auditor.Audit(seed.Result, seed.Load.Value!.Actuals)).Should().Be(AuditJson.ToJson(Auditor.Audit(seed.Result, seed.Load.Value!.Actuals)));
    }

    [Theory]
    [InlineData(TableFormat.Markdown)]
    [InlineData(TableFormat.Csv)]
    [InlineData(TableFormat.Html)]
    public async Task A_table_written_twice_is_byte_identical(TableFormat format)
    {
        var first = await AsyncBytes(s => TableWriters.WriteAsync(SelfEvaluationTable.From(seed.Result), format, s));
        await Task.Delay(1100);   // a second later: nothing may depend on the clock
        var second = await AsyncBytes(s => TableWriters.WriteAsync(SelfEvaluationTable.From(Twice()), format, s));

        second.Should().Equal(first);
        Encoding.UTF8.GetString(first).Should().NotBeEmpty();
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static async Task<byte[]> AsyncBytes(Func<Stream, Task> write)
    {
        using var stream = new MemoryStream();
        await write(stream);
        return stream.ToArray();
    }
}

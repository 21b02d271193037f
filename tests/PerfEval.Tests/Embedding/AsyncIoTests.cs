using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using PerfEval.Audit;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Embedding;

/// <summary>Reading and writing without blocking a thread (streams that refuse synchronous I/O, as Kestrel's do), and parsed JSON.</summary>
public sealed class AsyncIoTests(SeedExample seed) : IClassFixture<SeedExample>
{
    private string SetFile => Path.Combine(seed.Folder, PerfEvalJson.IndicatorSetFileName);

    private string ActualsFile => Path.Combine(seed.Folder, PerfEvalJson.ActualsFileName);

    [Fact]
    public async Task Reading_asynchronously_from_a_stream_that_refuses_synchronous_reads_gives_what_the_file_gives()
    {
        await using var setStream = new AsyncOnlyStream(File.ReadAllBytes(SetFile));
        await using var actualsStream = new AsyncOnlyStream(File.ReadAllBytes(ActualsFile));

        var set = await PerfEvalJson.ReadIndicatorSetAsync(setStream, "indicators.json");
        var actuals = await PerfEvalJson.ReadActualsAsync(actualsStream, "actuals.json");

        set.Succeeded.Should().BeTrue();
        actuals.Succeeded.Should().BeTrue();
        var result = Evaluate(set.GetValueOrThrow(), actuals.GetValueOrThrow());
        ResultJson.ToJson(result).Should().Be(ResultJson.ToJson(Evaluate(
            PerfEvalJson.ReadIndicatorSet(File.ReadAllText(SetFile), "indicators.json").GetValueOrThrow(),
            PerfEvalJson.ReadActuals(File.ReadAllText(ActualsFile), "actuals.json").GetValueOrThrow())));
    }

    [Fact]
    public async Task Bad_input_read_asynchronously_is_a_diagnostic_with_line_and_column_not_an_exception()
    {
        await using var stream = new AsyncOnlyStream(Encoding.UTF8.GetBytes("{\n  \"id\": \"x\",\n  \"nmae\": 1\n}"));

        var set = await PerfEvalJson.ReadIndicatorSetAsync(stream, "posted.json");

        set.Succeeded.Should().BeFalse();
        set.Diagnostics.Should().Contain(d => d.Code == "PE1002" && d.Location!.Line == 3 && d.Location.Source == "posted.json");
    }

    [Fact]
    public async Task A_cancelled_read_stops_at_once_even_when_the_stream_never_ends()
    {
        using var cancel = new CancellationTokenSource();
        await using var stream = new NeverEndingStream();
        var watch = Stopwatch.StartNew();

        var read = PerfEvalJson.ReadActualsAsync(stream, null, cancel.Token);
        await Task.Delay(50);
        await cancel.CancelAsync();

        await read.Awaiting(r => r).Should().ThrowAsync<OperationCanceledException>();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_rule_template_and_policy_readers_have_asynchronous_forms_too()
    {
        var policyJson = """{ "name": "mine", "extends": "mof-2020", "budgetWeight": 10 }""";
        await using var policyStream = new AsyncOnlyStream(Encoding.UTF8.GetBytes(policyJson));
        await using var templateStream = new AsyncOnlyStream(Encoding.UTF8.GetBytes("{ \"id\": \"t\" }"));

        var policy = await PerfEvalJson.ReadScoringPolicyAsync(policyStream, "policy.json");
        var template = await PerfEvalJson.ReadRuleTemplateAsync(templateStream, "template.json");

        policy.Value!.Name.Should().Be("mine");
        template.Diagnostics.Select(d => d.ToString()).Should().Equal(PerfEvalJson.ReadRuleTemplate("{ \"id\": \"t\" }", "template.json").Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Reading_a_parsed_json_element_gives_what_reading_its_text_gives()
    {
        var body = $"{{\"indicators\": {File.ReadAllText(SetFile)}, \"actuals\": {File.ReadAllText(ActualsFile)}}}";
        using var document = JsonDocument.Parse(body);

        var set = PerfEvalJson.ReadIndicatorSet(document.RootElement.GetProperty("indicators"), "indicators");
        var actuals = PerfEvalJson.ReadActuals(document.RootElement.GetProperty("actuals"), "actuals");

        ResultJson.ToJson(Evaluate(set.GetValueOrThrow(), actuals.GetValueOrThrow())).Should().Be(ResultJson.ToJson(Evaluate(
            PerfEvalJson.ReadIndicatorSet(File.ReadAllText(SetFile), "indicators").GetValueOrThrow(),
            PerfEvalJson.ReadActuals(File.ReadAllText(ActualsFile), "actuals").GetValueOrThrow())));
    }

    [Fact]
    public void A_json_element_of_the_wrong_kind_is_a_diagnostic_not_an_exception()
    {
        using var document = JsonDocument.Parse("[1, 2]");

        var set = PerfEvalJson.ReadIndicatorSet(document.RootElement, "body");
        var undefined = PerfEvalJson.ReadActuals(default(JsonElement), "body");

        set.Succeeded.Should().BeFalse();
        set.Diagnostics.Should().Contain(d => d.Code == "PE1003");
        undefined.Succeeded.Should().BeFalse();
        undefined.Diagnostics.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Results_tables_and_audits_are_written_asynchronously_with_the_bytes_the_synchronous_writers_give()
    {
        var result = seed.Result;
        var table = SelfEvaluationTable.From(result);
        var audit = Auditor.Audit(result, seed.Load.Value!.Actuals, culture: System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));

        (await Written(s => ResultJson.WriteAsync(result, s))).Should().Equal(Encoding.UTF8.GetBytes(ResultJson.ToJson(result)));
        (await Written(s => AuditJson.WriteAsync(audit, s))).Should().Equal(Encoding.UTF8.GetBytes(AuditJson.ToJson(audit)));
        (await Written(s => TableWriters.WriteAsync(table, TableFormat.Markdown, s))).Should().Equal(Encoding.UTF8.GetBytes(TableWriters.ToMarkdown(table)));
        (await Written(s => TableWriters.WriteAsync(table, TableFormat.Html, s))).Should().Equal(Encoding.UTF8.GetBytes(TableWriters.ToHtml(table)));
        (await Written(s => TableWriters.WriteAsync(table, TableFormat.Csv, s))).Should().Equal([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(TableWriters.ToCsv(table))]);
    }

    [Fact]
    public async Task A_cancelled_write_throws_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await using var stream = new AsyncOnlyStream([]);

        var write = () => ResultJson.WriteAsync(seed.Result, stream, cancellationToken: cancel.Token);

        await write.Should().ThrowAsync<OperationCanceledException>();
    }

    private static EvaluationResult Evaluate(global::PerfEval.Indicators.IndicatorSet set, global::PerfEval.Actuals.ProgrammeActuals actuals) =>
        new Evaluator().EvaluateIn(set, actuals, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<byte[]> Written(Func<Stream, Task> write)
    {
        await using var stream = new AsyncOnlyStream([]);
        await write(stream);
        return stream.Written;
    }

    /// <summary>A stream that, like an ASP.NET Core body under Kestrel's defaults, throws on every synchronous read, write and flush.</summary>
    internal sealed class AsyncOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content.Length == 0 ? [] : content, 0, content.Length, writable: false);
        private readonly MemoryStream _written = new();

        public byte[] Written => _written.ToArray();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return _inner.Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _written.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A request body whose client never sends the rest: each read waits until it is cancelled.</summary>
    private sealed class NeverEndingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

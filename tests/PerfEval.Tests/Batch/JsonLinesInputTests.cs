using System.Text;
using System.Text.Json;
using FluentAssertions;
using PerfEval.Batch;
using PerfEval.Evaluation;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Batch;

public sealed class JsonLinesInputTests : IClassFixture<SeedExample>
{
    private readonly SeedExample _seed;

    public JsonLinesInputTests(SeedExample seed) => _seed = seed;

    /// <summary>Programme i has a target of i + 1 people and 1 person done, as one JSON Lines line.</summary>
    private static string Line(int i) =>
        $$"""{"name": "项目{{i}}", "indicatorSet": { "id": "p{{i}}", "name": "项目{{i}}", "year": 2025, "indicators": [ { "id": "n", "name": "人数", "level2": "quantity", "target": "{{i + 1}}", "unit": "人", "weight": 90 } ] }, "actuals": { "indicatorSet": "p{{i}}", "budget": { "available": 100, "spent": 100 }, "indicators": { "n": 1 } } }""";

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static List<BatchItem> Evaluate(IEnumerable<BatchInput> inputs) =>
        [.. new Evaluator().EvaluateEach(inputs, new BatchOptions { MaxDegreeOfParallelism = 2 })];

    [Fact]
    public void Each_non_blank_line_is_one_programme_named_by_its_line_number_and_name()
    {
        using var stream = Utf8("\uFEFF" + Line(0) + "\r\n\r\n   \n" + Line(1) + "\n" + Line(2));

        var items = Evaluate(BatchInput.FromJsonLines(stream, "big.jsonl"));

        items.Select(i => i.Name).Should().Equal("big.jsonl:1 项目0", "big.jsonl:4 项目1", "big.jsonl:5 项目2");
        items.Should().OnlyContain(i => i.Succeeded);
        items.Select(i => i.Result!.Indicators[0].CompletionRate).Should().Equal(100m, 50m, 33.33m);
    }

    [Fact]
    public void A_byte_order_mark_that_arrives_a_byte_at_a_time_is_still_skipped()
    {
        using var stream = new OneByteAtATime(Encoding.UTF8.GetBytes("\uFEFF" + Line(0) + "\n" + Line(1)));

        var items = Evaluate(BatchInput.FromJsonLines(stream, "pipe.jsonl"));

        items.Select(i => i.Name).Should().Equal("pipe.jsonl:1 项目0", "pipe.jsonl:2 项目1");
        items.Should().OnlyContain(i => i.Succeeded);
    }

    /// <summary>A stream that hands out one byte per read, as a pipe may.</summary>
    private sealed class OneByteAtATime(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }

    [Fact]
    public void A_line_gives_the_same_result_as_its_two_documents_read_separately()
    {
        var set = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_seed.Folder, "indicators.json")))!.ToJsonString();
        var actuals = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_seed.Folder, "actuals.json")))!.ToJsonString();
        using var stream = Utf8($$"""{ "actuals": {{actuals}}, "indicatorSet": {{set}}, "name": "seed", "comment": [1, {"x": 2}] }""" + "\n");

        var item = Evaluate(BatchInput.FromJsonLines(stream, "seed.jsonl")).Single();

        item.Name.Should().Be("seed.jsonl:1 seed");
        item.Result!.TotalScore.Should().Be(95.23m);
        var direct = new Evaluator().Evaluate(_seed.Load.Value!);
        Figures(item.Result).Should().Be(Figures(direct), "every figure is the same; only the findings' file names differ");
        item.Result.Findings.Select(f => (f.Code, f.Path)).Should().Equal(direct.Findings.Select(f => (f.Code, f.Path)));
        item.Result.Findings.Should().OnlyContain(f => f.Location!.Source == "seed.jsonl:1 seed/actuals.json");
    }

    [Fact]
    public void A_line_that_is_not_a_programme_is_reported_with_its_line_and_the_next_lines_are_still_read()
    {
        using var stream = Utf8(Line(0) + "\n{ not json\n" + """{"name": "half", "indicatorSet": {}}""" + "\n" + Line(3) + "\n");

        var items = Evaluate(BatchInput.FromJsonLines(stream, "b.jsonl"));

        items.Should().HaveCount(4);
        items[1].Result.Should().BeNull();
        items[1].Name.Should().Be("b.jsonl:2");
        items[1].Diagnostics.Should().Contain(d => d.Code == "PE1001" && d.Location!.Source!.StartsWith("b.jsonl:2", StringComparison.Ordinal));
        items[1].Diagnostics.Should().ContainSingle("only the line's own problem is reported, nothing about documents it does not have");
        items[2].Result.Should().BeNull();
        items[2].Diagnostics.Should().ContainSingle().Which.Should().Match<PerfEval.Diagnostics.Diagnostic>(d => d.Code == "PE1004" && d.Path == "$.actuals");
        items[3].Succeeded.Should().BeTrue();
        items[3].Name.Should().Be("b.jsonl:4 项目3");
    }

    [Fact]
    public void A_line_whose_name_is_not_utf8_is_a_pe1001_for_that_line_and_the_batch_goes_on()
    {
        // "项目" saved as GBK (CF EE C4 BF): GetString cannot decode the name; that is the line's problem, not the batch's.
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"name\": \""));
        bytes.AddRange([0xCF, 0xEE, 0xC4, 0xBF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\", \"indicatorSet\": {}, \"actuals\": {}}\n" + Line(1) + "\n"));
        using var stream = new MemoryStream([.. bytes]);

        var items = Evaluate(BatchInput.FromJsonLines(stream, "gbk.jsonl"));

        items.Should().HaveCount(2);
        items[0].Result.Should().BeNull();
        items[0].Diagnostics.Should().ContainSingle().Which.Code.Should().Be("PE1001");
        items[1].Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_without_being_held_and_the_next_line_is_read()
    {
        using var stream = new LongLineStream(BatchInput.MaxJsonLineBytes + 1_000_000, Encoding.UTF8.GetBytes("\n" + Line(7) + "\n"));

        var items = Evaluate(BatchInput.FromJsonLines(stream, "huge.jsonl"));

        items.Should().HaveCount(2);
        items[0].Result.Should().BeNull();
        items[0].Diagnostics.Should().ContainSingle().Which.Code.Should().Be("PE1011");
        items[1].Name.Should().Be("huge.jsonl:2 项目7");
        items[1].Succeeded.Should().BeTrue();
    }

    [Fact]
    public void A_file_is_read_lazily_and_in_order()
    {
        var file = Path.Combine(Path.GetTempPath(), $"perfeval-lines-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllLines(file, Enumerable.Range(0, 300).Select(Line));

            var items = Evaluate(BatchInput.FromJsonLinesFile(file));

            items.Select(i => i.Index).Should().Equal(Enumerable.Range(0, 300));
            items.Select(i => i.Result!.IndicatorSetId).Should().Equal(Enumerable.Range(0, 300).Select(i => $"p{i}"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_selector_runs_for_every_programme_and_its_values_come_out_in_input_order()
    {
        var evaluator = new Evaluator();
        var inputs = Enumerable.Range(0, 200).Select(i => BatchInput.FromJsonLines(Utf8(Line(i)), $"l{i}").Single()).ToList();
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();

        var selected = evaluator.EvaluateSelect(
            inputs,
            item =>
            {
                threads[Environment.CurrentManagedThreadId] = true;
                return (item.Index, item.Result!.Indicators[0].CompletionRate);
            },
            new BatchOptions { MaxDegreeOfParallelism = 2 }).ToList();

        selected.Select(s => s.Index).Should().Equal(Enumerable.Range(0, 200));
        selected.Select(s => s.CompletionRate).Should().Equal(Enumerable.Range(0, 200).Select(i => evaluator.Evaluate(LoadDirect(i)).Indicators[0].CompletionRate));
        threads.Keys.Should().NotContain(Environment.CurrentManagedThreadId, "the selector runs on the workers, not on the thread that enumerates");
    }

    [Fact]
    public async Task The_asynchronous_selector_gives_the_same_values()
    {
        var inputs = Enumerable.Range(0, 20).Select(i => BatchInput.FromJsonLines(Utf8(Line(i)), $"l{i}").Single());
        var values = new List<string>();

        await foreach (var v in new Evaluator().EvaluateSelectAsync(inputs, item => item.Result!.IndicatorSetId, new BatchOptions { MaxDegreeOfParallelism = 2 }))
        {
            values.Add(v);
        }

        values.Should().Equal(Enumerable.Range(0, 20).Select(i => $"p{i}"));
    }

    /// <summary>The JSON result without its findings (whose locations name the file).</summary>
    private static string Figures(EvaluationResult result)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ResultJson.ToJson(result))!.AsObject();
        json.Remove("findings");
        return json.ToJsonString();
    }

    private static PerfEval.Loading.Programme LoadDirect(int i)
    {
        using var doc = JsonDocument.Parse(Line(i));
        return new PerfEval.Loading.Programme(
            PerfEval.Loading.PerfEvalJson.ReadIndicatorSet(doc.RootElement.GetProperty("indicatorSet").GetRawText()).GetValueOrThrow(),
            PerfEval.Loading.PerfEvalJson.ReadActuals(doc.RootElement.GetProperty("actuals").GetRawText()).GetValueOrThrow());
    }

    /// <summary>A stream of <c>length</c> bytes of 'x' followed by a tail, made on the fly (nothing that long is allocated).</summary>
    private sealed class LongLineStream(long length, byte[] tail) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position < length)
            {
                var n = (int)Math.Min(count, length - _position);
                buffer.AsSpan(offset, n).Fill((byte)'x');
                _position += n;
                return n;
            }

            var t = (int)Math.Min(count, Length - _position);
            tail.AsSpan((int)(_position - length), t).CopyTo(buffer.AsSpan(offset));
            _position += t;
            return t;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

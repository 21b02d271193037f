using System.Text;
using FluentAssertions;
using PerfEval.Batch;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Tests.Rules;

namespace PerfEval.Tests.Security;

/// <summary>
/// Every read stops at <see cref="PerfEvalJson.MaxDocumentBytes"/> while it is read, whatever the source: a string,
/// a stream that never ends, a line of JSON Lines, a device; special files are refused before they are opened. The
/// command-line side of the same cases is in the command corpus (<see cref="CommandCorpusTests"/>).
/// </summary>
public sealed class BoundedReadingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("set")]
    [InlineData("actuals")]
    [InlineData("policy")]
    [InlineData("template")]
    public void A_string_one_byte_over_the_limit_is_refused_with_PE1011_by_every_string_reader(string kind)
    {
        var json = Padded(PerfEvalJson.MaxDocumentBytes + 1, 'x');

        var diagnostics = ReadString(kind, json, "big.json");

        var d = diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.UnreadableFile);
        d.Location.Should().Be(new SourceLocation("big.json", 1, 1));
        d.Message.Should().Contain("16 MiB");
    }

    [Fact]
    public void Texts_written_to_collide_in_the_readers_table_of_texts_are_read_in_linear_time()
    {
        // 200,000 texts of one length whose first and last eight bytes are the same: a table keyed by a cheap hash of
        // those bytes would compare each with all before it (minutes); each text may cost only a few comparisons.
        const int n = 200_000;
        var json = new StringBuilder("""{ "id": "s", "name": "n", "year": 2025, "indicators": [], "goals": [""");
        for (var i = 0; i < n; i++)
        {
            json.Append(i == 0 ? "\"" : ", \"").Append(System.Globalization.CultureInfo.InvariantCulture, $"AAAAAAAA{i:D12}ZZZZZZZZ").Append('"');
        }

        json.Append("] }");

        var (set, failure, _) = Promises.Within(Limit, () => PerfEvalJson.ReadIndicatorSet(json.ToString()).GetValueOrThrow());

        failure.Should().BeNull();
        set!.Goals.Should().HaveCount(n);
        set.Goals[123_456].Should().Be("AAAAAAAA000000123456ZZZZZZZZ");
    }

    [Fact]
    public void A_string_of_fewer_characters_than_the_limit_but_more_utf8_bytes_is_refused_too()
    {
        // About 6 Mi Chinese characters: 18 MiB of UTF-8.
        var json = Padded(18 * 1024 * 1024, '长');
        json.Length.Should().BeLessThan(PerfEvalJson.MaxDocumentBytes);

        ReadString("actuals", json, null).Should().ContainSingle(d => d.Code == DiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void A_string_at_the_limit_is_read()
    {
        var json = Padded(PerfEvalJson.MaxDocumentBytes, 'x');

        ReadString("actuals", json, null).Should().BeEmpty();
    }

    [Fact]
    public void Batch_input_given_as_json_text_is_held_to_the_limit()
    {
        var input = BatchInput.FromJson(Padded(PerfEvalJson.MaxDocumentBytes + 1, 'x'), "{}", "big");

        var item = new Evaluator().EvaluateAll([input]).Single();

        item.Result.Should().BeNull();
        item.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnreadableFile && d.Location!.Source == "big/indicators.json");
    }

    [Fact]
    public void A_stream_that_never_ends_is_read_only_up_to_the_limit()
    {
        using var endless = new EndlessStream();

        var (result, failure, _) = Promises.Within(Limit, () => PerfEvalJson.ReadIndicatorSet(endless, "endless.json"));

        failure.Should().BeNull();
        result!.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnreadableFile);
        endless.Served.Should().BeLessThanOrEqualTo(PerfEvalJson.MaxDocumentBytes + 81920L + 1, "reading stops once the limit is passed");
    }

    [Fact]
    public void A_json_lines_line_over_the_limit_is_reported_at_its_line_without_being_kept_and_the_next_lines_are_read()
    {
        var text = "{\"a\": 1}\n\n   \r\n{\"name\": \"" + new string('名', 2000) + "\"}\r\n{\"b\": 2}\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var lines = JsonLines.Scan(stream, limit: 1024, keep: true).ToList();

        lines.Select(l => l.Number).Should().Equal(1, 4, 5);
        lines[1].Content.Should().BeNull();
        lines[1].Failure.Should().BeOfType<MessageText>().Which.Arguments.Should().Contain(KeyValuePair.Create("size", (object)"1 KiB"));
        Encoding.UTF8.GetString(lines[2].Content!).Should().Be("{\"b\": 2}", "a CR before the LF is dropped");
    }

    [Fact]
    public void A_json_lines_programme_over_the_limit_reports_PE1011_at_file_and_line()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("\n" + new string('x', 5000) + "\n"));

        var input = JsonLines.Read(stream, "batch.jsonl", limit: 4096).Single();
        var item = new Evaluator().EvaluateAll([input]).Single();

        input.Name.Should().Be("batch.jsonl:2");
        item.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.UnreadableFile && d.Location == new SourceLocation("batch.jsonl", 2, 1));
    }

    [Fact]
    public void Counting_json_lines_agrees_with_reading_them_blank_lines_a_byte_order_mark_and_a_last_line_without_a_line_feed_included()
    {
        var folder = Directory.CreateTempSubdirectory("perfeval-jsonl-");
        try
        {
            var path = Path.Combine(folder.FullName, "batch.jsonl");
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("{}\n\n \t\r\n{\"x\":1}\r\n" + new string('y', 3000) + "\n{}")]);

            var count = JsonLines.Count(path, limit: 1024);
            var read = JsonLines.Read(path, limit: 1024).Select(i => i.Name).ToList();

            read.Should().Equal($"{path}:1", $"{path}:4", $"{path}:5", $"{path}:6");
            count.Should().Be(read.Count);

            // A caller that only needs to know whether there are several stops the scan there.
            JsonLines.Count(path, limit: 1024, upTo: 2).Should().Be(2);
            JsonLines.Count(path, limit: 1024, upTo: 10).Should().Be(4);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [PlatformFact("unix-devices")]
    public void A_device_given_as_a_document_is_refused_before_it_is_opened()
    {
        var (results, failure, elapsed) = RuleTestData.InCulture("en", () => Promises.Within(Limit, () => new[]
        {
            PerfEvalJson.ReadIndicatorSetFile("/dev/zero").Diagnostics,
            PerfEvalJson.ReadActualsFile("/dev/urandom").Diagnostics,
            PerfEvalJson.ReadScoringPolicyFile("/dev/zero", catalog: null).Diagnostics,
            PerfEvalJson.ReadRuleTemplateFile("/dev/null").Diagnostics,
        }));

        failure.Should().BeNull();
        foreach (var diagnostics in results!)
        {
            var d = diagnostics.Should().ContainSingle().Subject;
            d.Code.Should().Be(DiagnosticCodes.UnreadableFile);
            d.Arguments["reason"].Should().Contain("device");
        }

        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "nothing is read from the devices");
    }

    [PlatformFact("unix-devices")]
    public void A_link_to_a_device_is_followed_and_refused()
    {
        var folder = Directory.CreateTempSubdirectory("perfeval-link-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(folder.FullName, PerfEvalJson.IndicatorSetFileName), "/dev/zero");
            File.Copy(Path.Combine(CorpusEntry.Folder, "good", "actuals.json"), Path.Combine(folder.FullName, PerfEvalJson.ActualsFileName));

            var load = PerfEvalJson.ReadProgrammeFolder(folder.FullName);

            load.Value.Should().BeNull();
            load.Diagnostics.Should().ContainSingle().Which.Location!.Source.Should().EndWith(PerfEvalJson.IndicatorSetFileName);
            InputFiles.KindOf(Path.Combine(folder.FullName, PerfEvalJson.IndicatorSetFileName)).Should().Be(InputFileKind.CharacterDevice);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [PlatformFact("fifo")]
    public void A_fifo_given_as_a_document_or_as_json_lines_is_refused_without_waiting_for_a_writer()
    {
        var folder = Directory.CreateTempSubdirectory("perfeval-fifo-");
        try
        {
            var fifo = Path.Combine(folder.FullName, "rules.json");
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
            {
                mkfifo.WaitForExit();
            }

            var (result, failure, _) = RuleTestData.InCulture("en", () => Promises.Within(Limit, () => (PerfEvalJson.ReadRuleTemplateFile(fifo).Diagnostics, JsonLines.Count(fifo), JsonLines.Read(fifo).Single().Name)));

            failure.Should().BeNull("a FIFO must not be opened: opening it for reading waits for a writer");
            result.Diagnostics.Should().ContainSingle().Which.Arguments["reason"].Should().Contain("FIFO");
            result.Item2.Should().Be(1);
            result.Name.Should().Be(fifo);
            InputFiles.KindOf(fifo).Should().Be(InputFileKind.Fifo);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_folder_given_as_a_document_is_refused_with_its_reason()
    {
        var load = RuleTestData.InCulture("en", () => PerfEvalJson.ReadActualsFile(CorpusEntry.Folder));

        load.Diagnostics.Should().ContainSingle().Which.Arguments["reason"].Should().Contain("folder");
    }

    [Fact]
    public void A_file_in_proc_whose_length_says_zero_is_still_read_and_bounded()
    {
        // Files in /proc (and others) report a length of 0 and have content: the stated length is never the bound.
        var path = "/proc/self/status";
        if (!File.Exists(path))
        {
            path = Path.Combine(CorpusEntry.Folder, "good", "actuals.json");
        }

        var read = InputFiles.ReadFile(path, limit: 16);

        read.Failure.Should().Be(ReadFailure.TooLarge);
    }

    private static string Padded(int bytes, char fill)
    {
        const string Head = "{\"indicatorSet\": \"s\", \"indicators\": {}, \"description\": \"";
        const string Tail = "\"}";
        var each = Encoding.UTF8.GetByteCount(fill.ToString());
        return Head + new string(fill, (bytes - Head.Length - Tail.Length) / each) + Tail;
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> ReadString(string kind, string json, string? source) => kind switch
    {
        "set" => PerfEvalJson.ReadIndicatorSet(json, source).Diagnostics,
        "actuals" => PerfEvalJson.ReadActuals(json, source).Diagnostics,
        "policy" => PerfEvalJson.ReadScoringPolicy(json, source, catalog: null).Diagnostics,
        _ => PerfEvalJson.ReadRuleTemplate(json, source).Diagnostics,
    };

    /// <summary>A stream of zeros with no end, like /dev/zero, that counts what it served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>
/// A <see cref="FactAttribute"/> for a test that needs a platform feature (a key of <see cref="CommandCorpus.Requirements"/>):
/// skipped, with the reason, where the feature is missing. xUnit 2.9 has no dynamic skip, so the decision is made
/// when the tests are discovered.
/// </summary>
public sealed class PlatformFactAttribute : FactAttribute
{
    public PlatformFactAttribute(string requires)
    {
        if (CommandCorpus.Requirements[requires]() is { } reason)
        {
            Skip = reason;
        }
    }
}

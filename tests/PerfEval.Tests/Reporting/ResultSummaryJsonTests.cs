using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using PerfEval.Batch;
using PerfEval.Evaluation;
using PerfEval.Reporting;
using PerfEval.Tests.Golden;

namespace PerfEval.Tests.Reporting;

public sealed class ResultSummaryJsonTests : IClassFixture<SeedExample>
{
    private static readonly string[] Fields = ["source", "indicatorSet", "name", "year", "totalScore", "grade", "gradeCode", "executionRate", "statuses", "errors", "warnings", "codes"];

    private readonly SeedExample _seed;

    public ResultSummaryJsonTests(SeedExample seed) => _seed = seed;

    private static JsonElement Summary(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void The_seed_summary_has_the_contract_fields_in_order_and_the_reports_figures()
    {
        var s = Summary(w => ResultSummaryJson.Write(_seed.Result, w, "rules/examples/zalantun-employment-2025"));

        s.EnumerateObject().Select(p => p.Name).Should().Equal(Fields);
        s.GetProperty("source").GetString().Should().Be("rules/examples/zalantun-employment-2025");
        s.GetProperty("indicatorSet").GetString().Should().Be("zalantun-employment-2025");
        s.GetProperty("year").GetInt32().Should().Be(2025);
        s.GetProperty("totalScore").GetDecimal().Should().Be(95.23m);
        s.GetProperty("grade").GetString().Should().Be("优");
        s.GetProperty("executionRate").GetDecimal().Should().Be(99.57m);
        s.GetProperty("statuses").EnumerateObject().Select(p => p.Name).Should().Equal("met", "partiallyMet", "notMet", "notApplicable", "missing");
        s.GetProperty("statuses").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(47);
        s.GetProperty("statuses").GetProperty("partiallyMet").GetInt32().Should().Be(_seed.Result.Indicators.Count(i => i.Status == IndicatorStatus.PartiallyMet));
        s.GetProperty("statuses").GetProperty("notMet").GetInt32().Should().Be(_seed.Result.Indicators.Count(i => i.Status == IndicatorStatus.NotMet));
        s.GetProperty("errors").GetInt32().Should().Be(0);
        s.GetProperty("warnings").GetInt32().Should().Be(2);
        s.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).Should().Equal("PE3001", "PE3001");
    }

    [Fact]
    public void Figures_are_written_as_the_full_result_writes_them_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                ResultSummaryJson.Write(_seed.Result, writer);
            }

            var text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
            text.Should().Contain("\"totalScore\":95.23").And.Contain("\"executionRate\":99.57").And.Contain("\"source\":null");
            using var full = JsonDocument.Parse(ResultJson.ToJson(_seed.Result));
            text.Should().Contain($"\"totalScore\":{full.RootElement.GetProperty("totalScore").GetRawText()}");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_programme_that_could_not_be_read_has_every_field_with_nulls_and_the_codes_of_its_diagnostics()
    {
        var item = new Evaluator().EvaluateAll([BatchInput.FromJson("{ broken", "{}", "line 7")]).Single();

        var s = Summary(w => item.WriteSummary(w));

        s.EnumerateObject().Select(p => p.Name).Should().Equal(Fields);
        s.GetProperty("source").GetString().Should().Be("line 7");
        foreach (var name in new[] { "indicatorSet", "name", "year", "totalScore", "grade", "gradeCode", "executionRate", "statuses" })
        {
            s.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Null, name);
        }

        s.GetProperty("errors").GetInt32().Should().BeGreaterThan(0);
        s.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).Should().Contain("PE1001");
    }
}

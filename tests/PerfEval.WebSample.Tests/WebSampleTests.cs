using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PerfEval.DependencyInjection;
using PerfEval.Evaluation;
using PerfEval.Excel;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.Testing;

namespace PerfEval.WebSample.Tests;

/// <summary>
/// The sample service in process (<see cref="WebApplicationFactory{TEntryPoint}"/>), with the test server's defaults:
/// synchronous I/O refused, as Kestrel refuses it, so every read and write of a body must be asynchronous.
/// </summary>
public sealed class WebSampleTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string SeedBody = Body(
        File.ReadAllText(Path.Combine(Repository.SeedExample(), PerfEvalJson.IndicatorSetFileName)),
        File.ReadAllText(Path.Combine(Repository.SeedExample(), PerfEvalJson.ActualsFileName)));

    private static string Body(string indicators, string actuals) => "{\"indicators\":" + indicators + ",\"actuals\":" + actuals + "}";

    /// <summary>The seed evaluated by the library directly, read under the source names the sample gives the two parts.</summary>
    private static EvaluationResult Direct(string culture) => new Evaluator().EvaluateIn(
        PerfEvalJson.ReadIndicatorSet(File.ReadAllText(Path.Combine(Repository.SeedExample(), PerfEvalJson.IndicatorSetFileName)), "indicators").GetValueOrThrow(),
        PerfEvalJson.ReadActuals(File.ReadAllText(Path.Combine(Repository.SeedExample(), PerfEvalJson.ActualsFileName)), "actuals").GetValueOrThrow(),
        System.Globalization.CultureInfo.GetCultureInfo(culture));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public void The_test_server_refuses_synchronous_io_as_kestrel_does()
    {
        factory.Server.AllowSynchronousIO.Should().BeFalse();
    }

    [Fact]
    public async Task Posting_the_seed_returns_the_result_json_the_library_gives()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), Json(SeedBody));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be(ResultJson.ToJson(Direct("zh-CN")));
    }

    [Fact]
    public async Task Posting_the_seed_for_xlsx_returns_the_workbook_the_excel_writer_makes()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/evaluate?format=xlsx", UriKind.Relative), Json(SeedBody));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Should().Equal(ExcelTableWriter.ToBytes(SelfEvaluationTable.From(Direct("zh-CN"))));
    }

    [Fact]
    public async Task The_keyed_regional_evaluator_scores_with_its_own_policy()
    {
        using var client = factory.CreateClient();
        using var national = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), Json(SeedBody));
        using var regional = await client.PostAsync(new Uri("/evaluate?policy=regional", UriKind.Relative), Json(SeedBody));

        (await national.Content.ReadAsStringAsync()).Should().Contain("\"policy\": \"mof-2020\"");
        (await regional.Content.ReadAsStringAsync()).Should().Contain("\"policy\": \"regional-budget20\"");
    }

    [Fact]
    public async Task Concurrent_chinese_and_english_requests_each_get_their_own_language()
    {
        using var client = factory.CreateClient();
        var broken = Body("{\"id\": \"x\", \"nmae\": \"typo\"}", "{}");
        var requests = Enumerable.Range(0, 40).Select(async i =>
        {
            var lang = i % 2 == 0 ? "en" : "zh";
            using var table = await client.PostAsync(new Uri($"/evaluate?format=md&lang={lang}", UriKind.Relative), Json(SeedBody));
            using var problems = await client.PostAsync(new Uri($"/evaluate?lang={lang}", UriKind.Relative), Json(broken));
            using var json = System.Text.Json.JsonDocument.Parse(await problems.Content.ReadAsStringAsync());
            var messages = string.Join("\n", json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()));
            return (lang, table: await table.Content.ReadAsStringAsync(), problems: messages, status: problems.StatusCode);
        });

        foreach (var (lang, table, problems, status) in await Task.WhenAll(requests))
        {
            status.Should().Be(HttpStatusCode.UnprocessableEntity);
            if (lang == "en")
            {
                table.Should().Contain("performance self-evaluation").And.NotContain("项目支出绩效自评表");
                problems.Should().Contain("Unknown property 'nmae'").And.NotContain("未知属性");
            }
            else
            {
                table.Should().Contain("项目支出绩效自评表").And.NotContain("performance self-evaluation");
                problems.Should().Contain("未知属性“nmae”").And.NotContain("Unknown property");
            }
        }
    }

    [Fact]
    public async Task A_stored_result_is_rendered_again_as_the_table_of_the_original()
    {
        using var client = factory.CreateClient();
        var stored = ResultJson.ToJson(Direct("zh-CN"));
        using var response = await client.PostAsync(new Uri("/render?format=csv", UriKind.Relative), Json(stored));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Encoding.UTF8.GetString(bytes.AsSpan(3)).Should().Be(TableWriters.ToCsv(SelfEvaluationTable.From(Direct("zh-CN"))));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_400_not_a_crash()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/evaluate", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_policy_name_in_configuration_stops_the_host_at_start_with_the_name_in_the_message()
    {
        var start = () => StartAsWebSampleWith("PerfEval:PolicyName", "no-such-policy");

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("no-such-policy").And.Contain("mof-2020");
    }

    [Fact]
    public async Task An_unknown_setting_in_configuration_stops_the_host_at_start_with_its_path()
    {
        var start = () => StartAsWebSampleWith("PerfEvalRegional:Polciy", "mof-2020");

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("PerfEvalRegional:Polciy").And.Contain("regional");
    }

    /// <summary>
    /// Starts a host that registers PerfEval as the sample's Program.cs does, with one setting added; starting is what
    /// validates the options. Built here rather than through the factory: a factory whose program fails to start
    /// disposes its services while it is still asking them for the server (an ObjectDisposedException, now and then).
    /// </summary>
    private static async Task StartAsWebSampleWith(string key, string value)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(key, value)]);
        builder.Services.AddPerfEval(builder.Configuration.GetSection("PerfEval"));
        builder.Services.AddPerfEval("regional", builder.Configuration.GetSection("PerfEvalRegional"));
        await using var app = builder.Build();
        await app.StartAsync();
        await app.StopAsync();
    }
}

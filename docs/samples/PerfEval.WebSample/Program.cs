using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using PerfEval.DependencyInjection;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;
using PerfEval.WebSample;

var builder = WebApplication.CreateBuilder(args);

// One evaluator from the "PerfEval" section, and a second one, keyed "regional", with another policy side by side.
// Both are validated when the host starts: an unknown policy name or setting stops it with a clear message.
builder.Services.AddPerfEval(builder.Configuration.GetSection("PerfEval"));
builder.Services.AddPerfEval("regional", builder.Configuration.GetSection("PerfEvalRegional"));

var app = builder.Build();

// POST /evaluate?format=json|xlsx|md|csv|html&lang=zh|en&policy=regional
// Body: { "indicators": { …indicators.json… }, "actuals": { …actuals.json… } }
app.MapPost("/evaluate", async (HttpContext http, [FromQuery] string? format, [FromQuery] string? lang, [FromQuery] string? policy, CancellationToken cancellationToken) =>
{
    var culture = Requests.Culture(lang);
    var evaluator = policy is null ? http.RequestServices.GetRequiredService<IEvaluator>() : http.RequestServices.GetKeyedService<IEvaluator>(policy);
    if (evaluator is null)
    {
        return Results.Problem($"No evaluator is called '{policy}'.", statusCode: StatusCodes.Status404NotFound);
    }

    JsonDocument body;
    try
    {
        // Read without blocking: Kestrel refuses synchronous reads of the request body.
        body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
    }
    catch (JsonException e)
    {
        return Results.Problem("The body is not JSON: " + e.Message, statusCode: StatusCodes.Status400BadRequest);
    }

    using (body)
    {
        if (body.RootElement.ValueKind != JsonValueKind.Object
            || !body.RootElement.TryGetProperty("indicators", out var indicators)
            || !body.RootElement.TryGetProperty("actuals", out var actuals))
        {
            return Results.Problem("The body must be an object with 'indicators' and 'actuals'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var set = PerfEvalJson.ReadIndicatorSet(indicators, "indicators").InCulture(culture);
        var read = PerfEvalJson.ReadActuals(actuals, "actuals").InCulture(culture);
        if (!set.Succeeded || !read.Succeeded)
        {
            return Results.Json(Requests.Problems(set.Diagnostics.AddRange(read.Diagnostics)), statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var result = evaluator.EvaluateIn(set.Value, read.Value, culture);
        return Requests.Render(result, format, culture);
    }
});

// POST /render?format=xlsx|md|csv|html|json&lang=zh|en  Body: a result as /evaluate?format=json returned it.
// A stored result is rendered again without evaluating it again.
app.MapPost("/render", async (HttpContext http, [FromQuery] string? format, [FromQuery] string? lang, CancellationToken cancellationToken) =>
{
    var culture = Requests.Culture(lang);
    var stored = (await ResultJson.ReadAsync(http.Request.Body, cancellationToken)).InCulture(culture);
    return stored.Succeeded
        ? Requests.Render(stored.Value, format, culture)
        : Results.Json(Requests.Problems(stored.Diagnostics), statusCode: StatusCodes.Status422UnprocessableEntity);
});

app.Run();

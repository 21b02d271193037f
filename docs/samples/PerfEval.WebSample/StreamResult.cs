namespace PerfEval.WebSample;

/// <summary>A response written by PerfEval's asynchronous writers straight to the response body.</summary>
internal sealed class StreamResult(string contentType, Func<Stream, CancellationToken, Task> write) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = contentType;
        return write(httpContext.Response.Body, httpContext.RequestAborted);
    }
}

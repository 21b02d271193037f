using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfEval.Audit;

/// <summary>Writes an <see cref="AuditResult"/> as JSON: the comparisons and the findings.</summary>
public static class AuditJson
{
    /// <summary>Writes the audit as UTF-8 JSON to a stream without blocking a thread; the same audit always gives the same bytes.</summary>
    /// <param name="audit">The audit.</param>
    /// <param name="utf8Json">The stream; it is not closed.</param>
    /// <param name="cancellationToken">Stops the write with <see cref="OperationCanceledException"/>.</param>
    /// <returns>A task that completes when the JSON is written.</returns>
    public static async Task WriteAsync(AuditResult audit, Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(utf8Json);
        await utf8Json.WriteAsync(Encoding.UTF8.GetBytes(ToJson(audit)), cancellationToken).ConfigureAwait(false);
        await utf8Json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The audit as a JSON string.</summary>
    /// <param name="audit">The audit.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(AuditResult audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("indicatorSet", audit.Evaluation.IndicatorSetId);
            w.WriteString("name", audit.Evaluation.Name);
            w.WriteString("policy", audit.Evaluation.Policy);
            w.WriteBoolean("hasErrors", audit.HasErrors);
            w.WriteStartArray("comparisons");
            foreach (var c in audit.Comparisons)
            {
                w.WriteStartObject();
                w.WriteString("path", c.Path);
                w.WriteString("label", c.Label);
                w.WriteString("stated", c.Stated);
                w.WriteString("recomputed", c.Recomputed);
                w.WriteString("exact", c.Exact);
                w.WriteBoolean("agrees", c.Agrees);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in audit.Findings)
            {
                w.WriteStartObject();
                Reporting.ResultJson.WriteFinding(w, f);
                if (f.Arguments.TryGetValue("stated", out var stated))
                {
                    w.WriteString("stated", stated);
                }

                if (f.Arguments.TryGetValue("recomputed", out var recomputed))
                {
                    w.WriteString("recomputed", recomputed);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

namespace PerfEval.Tests.Reporting;

/// <summary>A <see cref="FactAttribute"/> that is skipped, with the reason, when Chromium is missing outside CI; in CI it runs and fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.Find() is null && !HeadlessChromium.InCi)
        {
            Skip = HeadlessChromium.MissingMessage;
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace PerfEval.Tests.Reporting;

/// <summary>Runs Debian's headless Chromium, one process at a time, with a timeout and no network.</summary>
public static class HeadlessChromium
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    private static readonly string[] WellKnown = ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"];

    public static string MissingMessage =>
        "Chromium was not found (looked for " + string.Join(", ", Names) + " on PATH and " + string.Join(", ", WellKnown)
        + "). Install Debian's package: apt-get install -y chromium fonts-noto-cjk (.ci/run does this when it is missing).";

    /// <summary>True when the CI environment variable is set: a missing browser is then a failure, not a skip.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci
        && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";

    /// <summary>The browser's path, or null.</summary>
    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return WellKnown.FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the browser on <paramref name="arguments"/> with a fresh profile in <paramref name="folder"/> and returns its standard output.</summary>
    public static string Run(DirectoryInfo folder, params string[] arguments)
    {
        var browser = Find() ?? throw new InvalidOperationException(MissingMessage);
        var profile = Directory.CreateDirectory(Path.Combine(folder.FullName, "profile-" + Guid.NewGuid().ToString("N")));
        var info = new ProcessStartInfo(browser)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var flag in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
            "--user-data-dir=" + profile.FullName,
        })
        {
            info.ArgumentList.Add(flag);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        OneAtATime.Wait();
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + browser);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            // A helper process that outlives the browser could hold the pipes open: the output is awaited with the same deadline.
            var deadline = Stopwatch.StartNew();
            if (!process.WaitForExit(Timeout) || !stdout.Wait(Remaining(deadline)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
                throw new TimeoutException($"{browser} {string.Join(' ', arguments)} did not finish in {Timeout.TotalSeconds} s and was killed.\n{Tail(stderr)}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{browser} {string.Join(' ', arguments)} exited with {process.ExitCode}.\n{Tail(stderr)}");
            }

            return stdout.GetAwaiter().GetResult();
        }
        finally
        {
            OneAtATime.Release();
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static TimeSpan Remaining(Stopwatch deadline) => deadline.Elapsed < Timeout ? Timeout - deadline.Elapsed : TimeSpan.Zero;

    private static string Tail(Task<string> stderr)
    {
        var text = stderr.Wait(TimeSpan.FromSeconds(5)) ? stderr.Result : string.Empty;
        return text.Length > 2000 ? text[^2000..] : text;
    }
}

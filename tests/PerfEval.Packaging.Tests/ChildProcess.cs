using System.Diagnostics;
using System.Text;

namespace PerfEval.Packaging.Tests;

/// <summary>Runs child processes (the dotnet CLI, the installed tool) with a timeout and a clean environment.</summary>
internal static class ChildProcess
{
    /// <summary>The dotnet executable that runs these tests (the CLI tells its children where it is).</summary>
    public static string DotNet { get; } = Resolve(FindDotNet());

    /// <summary>
    /// Runs a command and waits at most <paramref name="timeout"/>; on timeout the process tree is killed and a
    /// <see cref="TimeoutException"/> carries what it had written.
    /// </summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = StartInfo(fileName, arguments, workingDirectory, environment);
        info.RedirectStandardInput = true;

        var command = fileName + " " + string.Join(' ', info.ArgumentList);
        var output = new StringBuilder();
        var error = new StringBuilder();
        var outputClosed = new TaskCompletionSource();
        var errorClosed = new TaskCompletionSource();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data, errorClosed);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it ended meanwhile
            }

            process.WaitForExit(TimeSpan.FromSeconds(10));
            throw new TimeoutException($"'{command}' did not finish within {timeout}.\n--- stdout ---\n{Snapshot(output)}\n--- stderr ---\n{Snapshot(error)}");
        }

        // A grandchild that outlives the command (a build server) could hold the pipes open: wait for the end of
        // the output only briefly.
        Task.WaitAll([outputClosed.Task, errorClosed.Task], TimeSpan.FromSeconds(10));
        return new ProcessResult(command, process.ExitCode, Snapshot(output), Snapshot(error));
    }

    /// <summary>
    /// Starts a long-running dotnet program (a web server) with the same isolated environment, its standard output
    /// redirected for the caller to read; the caller kills it.
    /// </summary>
    public static Process StartDotNet(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment) =>
        Process.Start(StartInfo(DotNet, arguments, workingDirectory, environment)) ?? throw new InvalidOperationException("dotnet did not start.");

    /// <summary>A child's start: its output and errors redirected in UTF-8, the environment isolated, then <paramref name="environment"/> added.</summary>
    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Isolate(info.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs the dotnet CLI.</summary>
    public static ProcessResult RunDotNet(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null) =>
        Run(DotNet, arguments, workingDirectory, timeout, environment);

    /// <summary>
    /// Removes what the test host's own build and test run leave in the environment (MSBuild's paths and switches,
    /// which would make a child build use the test run's MSBuild instance) and turns off what would outlive the
    /// child: MSBuild nodes, the MSBuild server and the compiler server.
    /// </summary>
    private static void Isolate(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("_MSBuild", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || name.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotNet);
    }

    private static void Append(StringBuilder sink, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (sink)
        {
            sink.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder sink)
    {
        lock (sink)
        {
            return sink.ToString();
        }
    }

    /// <summary>The file a link points to, so that its folder is the .NET installation (DOTNET_ROOT).</summary>
    private static string Resolve(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static string FindDotNet()
    {
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost))
        {
            return fromHost;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileName(current).Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The dotnet executable was not found (DOTNET_HOST_PATH, the test host, PATH).");
    }
}

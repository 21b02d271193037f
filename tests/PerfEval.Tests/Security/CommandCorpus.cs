using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using PerfEval.Loading;

namespace PerfEval.Tests.Security;

/// <summary>Builds the folders of the command entries, runs the command and checks what it did.</summary>
internal static class CommandCorpus
{
    /// <summary>Generous: every entry takes well under a second of work; this catches a reader that blocks or never ends.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>The platform features an entry may need, each with why it is missing here (null when it is not).</summary>
    public static readonly IReadOnlyDictionary<string, Func<string?>> Requirements = new Dictionary<string, Func<string?>>
    {
        [""] = () => null,
        ["unix-devices"] = () => OperatingSystem.IsWindows() || !File.Exists("/dev/zero") || !File.Exists("/dev/urandom")
            ? "needs /dev/zero, /dev/urandom and symbolic links to them (Linux, macOS)"
            : null,
        ["fifo"] = () => OperatingSystem.IsWindows() || Which("mkfifo") is null ? "needs FIFOs made with mkfifo (Linux, macOS)" : null,
        ["dev-full"] = () => !OperatingSystem.IsLinux() || !File.Exists("/dev/full") || !File.Exists("/bin/sh")
            ? "needs /dev/full, the device on which every write fails with 'no space left' (Linux), and /bin/sh"
            : null,
    };

    /// <summary>The corpus files a cli entry copies into its folder.</summary>
    public static IEnumerable<string> CopiedFiles(CorpusEntry entry)
    {
        if (entry.Kind != "cli" || !entry.Raw.TryGetProperty("files", out var files))
        {
            yield break;
        }

        foreach (var file in files.EnumerateObject())
        {
            if (file.Value.TryGetProperty("copy", out var copy))
            {
                yield return copy.GetString()!;
            }

            foreach (var line in file.Value.TryGetProperty("lines", out var lines) ? lines.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                if (line.TryGetProperty("programme", out var p))
                {
                    yield return p.GetProperty("set").GetString()!;
                    yield return p.GetProperty("actuals").GetString()!;
                }
            }
        }
    }

    /// <summary>Makes the entry's files in <paramref name="dir"/>; returns every path made, relative to it.</summary>
    public static HashSet<string> Build(CorpusEntry entry, string dir)
    {
        var made = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in entry.Raw.GetProperty("files").EnumerateObject())
        {
            var path = Path.Combine(dir, file.Name.Replace('/', Path.DirectorySeparatorChar));
            for (var parent = Path.GetDirectoryName(file.Name.Replace('/', Path.DirectorySeparatorChar)); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
            {
                made.Add(parent.Replace(Path.DirectorySeparatorChar, '/'));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            made.Add(file.Name);
            var spec = file.Value;
            if (spec.TryGetProperty("copy", out var copy))
            {
                File.Copy(CorpusEntry.PathOf(copy.GetString()!), path);
            }
            else if (spec.TryGetProperty("link", out var link))
            {
                File.CreateSymbolicLink(path, Expand(link.GetString()!, dir));
            }
            else if (spec.TryGetProperty("fifo", out _))
            {
                RunTool(Which("mkfifo")!, path);
            }
            else if (spec.TryGetProperty("sparse", out var size))
            {
                using var stream = new FileStream(path, FileMode.CreateNew);
                stream.SetLength(size.GetInt64());
            }
            else if (spec.TryGetProperty("folder", out _))
            {
                Directory.CreateDirectory(path);
            }
            else if (spec.TryGetProperty("lines", out var lines))
            {
                using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
                foreach (var line in lines.EnumerateArray())
                {
                    WriteLine(writer, line);
                    writer.Write('\n');
                }
            }
            else
            {
                using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
                WriteLine(writer, spec);
            }
        }

        return made;
    }

    /// <summary>Runs the command of the entry (its standard output sent to a file when the entry says so).</summary>
    public static CommandRun Run(CorpusEntry entry, string dir)
    {
        var args = entry.Args.Select(a => Expand(a, dir)).ToList();
        var stdout = entry.Raw.TryGetProperty("stdout", out var target) ? target.GetString() : null;
        var command = new List<string> { DotNet, Cli };
        command.AddRange(args);
        return stdout is null
            ? Execute(command[0], command.Skip(1), dir)
            : Execute("/bin/sh", ["-c", "exec \"$@\" > \"$PERFEVAL_STDOUT\"", "sh", .. command], dir, ("PERFEVAL_STDOUT", stdout));
    }

    /// <summary>Every promise the run broke.</summary>
    public static List<string> Check(CorpusEntry entry, CommandRun run, string dir, HashSet<string> built)
    {
        var problems = new List<string>();
        var all = run.Output + run.Error;
        if (run.Error.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase) || Regex.IsMatch(run.Error, @"^\s+at \S+\(", RegexOptions.Multiline))
        {
            problems.Add("a stack trace was printed");
        }

        if (entry.Exit is { } exit && run.ExitCode != exit)
        {
            problems.Add($"exit code {run.ExitCode}, expected {exit}");
        }

        foreach (var (code, severity) in entry.Codes)
        {
            if (!all.Contains($"{severity.ToString().ToLowerInvariant()} {code}", StringComparison.Ordinal))
            {
                problems.Add($"expected {code} ({severity.ToString().ToLowerInvariant()}) in the output");
            }
        }

        foreach (var code in entry.Absent)
        {
            if (all.Contains(code, StringComparison.Ordinal))
            {
                problems.Add($"{code} must not be printed");
            }
        }

        problems.AddRange(Expect(entry, "stderrContains", run.Error, present: true));
        problems.AddRange(Expect(entry, "stdoutContains", run.Output, present: true));
        problems.AddRange(Expect(entry, "outputContains", all, present: true));
        problems.AddRange(Expect(entry, "stdoutLacks", run.Output, present: false));
        if (entry.Raw.TryGetProperty("stdoutLines", out var lines) && run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length != lines.GetInt32())
        {
            problems.Add($"expected {lines.GetInt32()} lines on standard output");
        }

        foreach (var check in entry.Checks)
        {
            problems.AddRange(check switch
            {
                "noLeftovers" => Leftovers(dir, built),
                "devFullIntact" => InputFiles.KindOf("/dev/full") == InputFileKind.CharacterDevice ? [] : ["/dev/full is no longer a device"],
                "markdownTables" => MarkdownTables(run.Output),
                "noControlCharacters" => ControlCharacters("standard output", run.Output).Concat(ControlCharacters("standard error", run.Error)),
                _ => [$"unknown check '{check}'"],
            });
        }

        return problems;
    }

    /// <summary>The dotnet executable that runs these tests.</summary>
    private static string DotNet { get; } = FindDotNet();

    /// <summary>The command, built beside these tests (the test project references it, so it is built first).</summary>
    private static string Cli
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory);
            var path = Path.Combine(Testing.Repository.Root(), "src", "PerfEval.Cli", "bin", tfm.Parent!.Name, tfm.Name, "PerfEval.Cli.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"The command is not built: {path}");
        }
    }

    private static IEnumerable<string> Expect(CorpusEntry entry, string property, string text, bool present)
    {
        if (!entry.Raw.TryGetProperty(property, out var values))
        {
            yield break;
        }

        foreach (var value in values.EnumerateArray().Select(v => v.GetString()!))
        {
            if (text.Contains(value, StringComparison.Ordinal) != present)
            {
                yield return present ? $"'{value}' expected ({property})" : $"'{value}' must not appear ({property})";
            }
        }
    }

    /// <summary>Nothing is left in the entry's folder but what it was given: no half-written or temporary file.</summary>
    private static IEnumerable<string> Leftovers(string dir, HashSet<string> built) =>
        Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(p => Path.GetRelativePath(dir, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !built.Contains(p))
            .Select(p => $"'{p}' was left behind");

    /// <summary>
    /// In each Markdown table every row has as many cell separators as its header: no text of a document adds one,
    /// whether a reader takes <c>\\|</c> for an escaped backslash before a separator or not.
    /// </summary>
    private static IEnumerable<string> MarkdownTables(string markdown)
    {
        var tables = 0;
        var header = -1;
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith('|'))
            {
                header = -1;
                continue;
            }

            var pipes = line.Count(c => c == '|');
            if (header < 0)
            {
                header = pipes;
                tables++;
            }
            else if (pipes != header)
            {
                yield return $"a row with {pipes - 1} cells under a header of {header - 1}: {line}";
            }

            if (line.Contains("\\|", StringComparison.Ordinal))
            {
                yield return $"a backslash before a pipe: {line}";
            }
        }

        if (tables == 0)
        {
            yield return "no Markdown table was printed";
        }
    }

    /// <summary>No control character reaches the terminal (line feeds, tabs and CR LF are the only ones allowed), nor a bidirectional override.</summary>
    private static IEnumerable<string> ControlCharacters(string stream, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var allowed = c is '\n' or '\t' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n');
            if (!allowed && (char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
            {
                yield return $"U+{(int)c:X4} printed raw on {stream} at {i}: …{text.Substring(Math.Max(0, i - 30), Math.Min(60, text.Length - Math.Max(0, i - 30)))}…";
                yield break;
            }
        }
    }

    private static void WriteLine(StreamWriter writer, JsonElement spec)
    {
        if (spec.TryGetProperty("text", out var text))
        {
            writer.Write(text.GetString());
        }
        else if (spec.TryGetProperty("fill", out var fill))
        {
            // head, then the fill repeated until the line has about `size` bytes, then tail.
            var size = spec.GetProperty("size").GetInt64();
            var chunk = string.Concat(Enumerable.Repeat(fill.GetString(), 4096));
            var chunkBytes = Encoding.UTF8.GetByteCount(chunk);
            writer.Write(spec.GetProperty("head").GetString());
            for (var written = 0L; written < size; written += chunkBytes)
            {
                writer.Write(chunk);
            }

            writer.Write(spec.GetProperty("tail").GetString());
        }
        else if (spec.TryGetProperty("programme", out var programme))
        {
            var line = new JsonObject
            {
                ["name"] = programme.GetProperty("name").GetString(),
                ["indicatorSet"] = JsonNode.Parse(File.ReadAllText(CorpusEntry.PathOf(programme.GetProperty("set").GetString()!))),
                ["actuals"] = JsonNode.Parse(File.ReadAllText(CorpusEntry.PathOf(programme.GetProperty("actuals").GetString()!))),
            };
            writer.Write(line.ToJsonString());
        }
        else
        {
            throw new InvalidOperationException($"Unknown file specification: {spec}");
        }
    }

    private static string Expand(string text, string dir) => text.Replace("{dir}", dir, StringComparison.Ordinal);

    private static CommandRun Execute(string fileName, IEnumerable<string> arguments, string workingDirectory, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A heap limit far below what an unbounded read needs (the 100 MB line took 1.4 GB), far above what bounded reading does.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x20000000";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var command = fileName + " " + string.Join(' ', info.ArgumentList);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            return new CommandRun(command, -1, Finished(stdout), Finished(stderr) + $"\n(killed: did not finish within {Limit.TotalSeconds:0} s)", watch.Elapsed);
        }

        process.WaitForExit();
        return new CommandRun(command, process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), watch.Elapsed);
    }

    private static string Finished(Task<string> text) => text.Wait(TimeSpan.FromSeconds(5)) ? text.Result : string.Empty;

    private static void RunTool(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { UseShellExecute = false };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    private static string FindDotNet()
    {
        var fromHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromHost) && File.Exists(fromHost))
        {
            return fromHost;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current).Equals(name, StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return Which(name) ?? throw new InvalidOperationException("The dotnet executable was not found (DOTNET_HOST_PATH, the test host, PATH).");
    }
}

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;
using PerfEval.Loading;
using Xunit.Abstractions;

namespace PerfEval.Tests.Security;

/// <summary>
/// Randomised, but repeatable (a fixed seed), damage to the seed example's two files: bytes deleted, duplicated,
/// swapped, inserted or cut off (breaking UTF-8 too), values replaced by other JSON types, huge numbers, keys
/// renamed, entries removed or duplicated. After each round: nothing is thrown, each document yields a value and
/// no error or no value and at least one error, and when both load the evaluation does not throw and explains
/// every indicator it could not score.
/// </summary>
public sealed class SeedMutationTests(ITestOutputHelper output)
{
    private const int Rounds = 2000;
    private const int Seed = 20_250_704;

    /// <summary>Numbers that no reader may accept: beyond decimal, beyond double, or both.</summary>
    private static readonly string[] OutOfRange =
    [
        "1e400", "-1e400", "1e-400", "79228162514264337593543950336", "-79228162514264337593543950336",
        "123456789012345678901234567890123456789", "1E+29", "9.99e28",
    ];

    /// <summary>Numbers a reader accepts that sit at decimal's limits.</summary>
    private static readonly string[] AtTheLimits =
    [
        "79228162514264337593543950335", "-79228162514264337593543950335", "0.0000000000000000000000000001",
        "7922816251426433759354395033.5", "0.0000000000000000000000000009",
    ];

    [Fact]
    public void Damaged_copies_of_the_seed_keep_every_promise()
    {
        Run(Rounds, Seed);
    }

    [Fact]
    public void Figures_at_decimals_limits_in_the_seeds_actuals_keep_every_promise()
    {
        // Every number of the actuals in turn (the budget's, each indicator's actual and inputs) set to each value
        // at decimal's limits: the documents load, so the evaluation must cope.
        var folder = Testing.Repository.SeedExample();
        var set = PerfEvalJson.ReadIndicatorSetFile(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName)).GetValueOrThrow();
        var seedActuals = JsonNode.Parse(File.ReadAllBytes(Path.Combine(folder, PerfEvalJson.ActualsFileName)))!;
        var numbers = new List<string>();
        Numbers(seedActuals["budget"]!, numbers);
        Numbers(seedActuals["indicators"]!, numbers);
        var evaluator = new Evaluator();
        var failures = new List<string>();
        foreach (var path in numbers)
        {
            foreach (var value in AtTheLimits)
            {
                var copy = seedActuals.DeepClone();
                var node = Find(copy, path);
                var parent = node.Parent!;
                if (parent is JsonObject o)
                {
                    o[o.First(p => ReferenceEquals(p.Value, node)).Key] = JsonNode.Parse(value);
                }

                var what = $"{path} := {value}";
                var actuals = PerfEvalJson.ReadActuals(copy.ToJsonString(), "actuals.json");
                if (actuals.Value is null)
                {
                    failures.AddRange(Promises.OfLoad(actuals).Select(p => $"{what}: {p}"));
                    continue;
                }

                var (result, failure, _) = Promises.Within(TimeSpan.FromSeconds(20), () => evaluator.Evaluate(set, actuals.Value));
                failures.AddRange(failure is not null ? [$"{what}: {failure}"] : Promises.OfEvaluation(result!).Select(p => $"{what}: {p}"));
            }
        }

        foreach (var f in failures.Take(20))
        {
            output.WriteLine(f);
        }

        numbers.Should().HaveCountGreaterThan(20);
        failures.Should().BeEmpty();
    }

    private static void Numbers(JsonNode node, List<string> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    if (v is not null)
                    {
                        Numbers(v, into);
                    }
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                into.Add(v.GetPath());
                break;
        }
    }

    private static JsonNode Find(JsonNode root, string path)
    {
        foreach (var candidate in All(root))
        {
            if (candidate.GetPath() == path)
            {
                return candidate;
            }
        }

        throw new ArgumentException(path, nameof(path));

        static IEnumerable<JsonNode> All(JsonNode n) => n switch
        {
            JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(All).Prepend(n),
            JsonArray a => a.OfType<JsonNode>().SelectMany(All).Prepend(n),
            _ => [n],
        };
    }

    private void Run(int rounds, int seed)
    {
        var folder = Testing.Repository.SeedExample();
        var seedSet = File.ReadAllBytes(Path.Combine(folder, PerfEvalJson.IndicatorSetFileName));
        var seedActuals = File.ReadAllBytes(Path.Combine(folder, PerfEvalJson.ActualsFileName));
        var soundSet = PerfEvalJson.ReadIndicatorSet(new MemoryStream(seedSet), "indicators.json");
        var soundActuals = PerfEvalJson.ReadActuals(new MemoryStream(seedActuals), "actuals.json");
        soundSet.Diagnostics.Should().BeEmpty();
        soundActuals.Diagnostics.Should().BeEmpty();
        var random = new Random(seed);
        var evaluator = new Evaluator();
        var failures = new List<string>();
        int setsLoaded = 0, actualsLoaded = 0, evaluated = 0;
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        for (var round = 0; round < rounds; round++)
        {
            var which = random.Next(10);
            var mutator = new Mutator(random, OutOfRange);
            // Damage the indicator set in 40 % of the rounds and the actuals in 70 % (both in 10 %): reading a set costs more.
            var setBytes = which < 4 ? mutator.Damage(seedSet) : seedSet;
            var setSteps = mutator.Steps.ToList();
            mutator.Steps.Clear();
            var actualsBytes = which >= 3 ? mutator.Damage(seedActuals) : seedActuals;
            var what = $"round {round}: indicators.json [{string.Join("; ", setSteps)}], actuals.json [{string.Join("; ", mutator.Steps)}]";

            var (outcome, failure, _) = Promises.Within(TimeSpan.FromSeconds(20), () =>
            {
                var problems = new List<string>();
                // An undamaged document is read once: its result is immutable and can be shared.
                var set = ReferenceEquals(setBytes, seedSet) ? soundSet : PerfEvalJson.ReadIndicatorSet(new MemoryStream(setBytes), "indicators.json");
                var actuals = ReferenceEquals(actualsBytes, seedActuals) ? soundActuals : PerfEvalJson.ReadActuals(new MemoryStream(actualsBytes), "actuals.json");
                problems.AddRange(Promises.OfLoad(set).Select(p => "indicators.json: " + p));
                problems.AddRange(Promises.OfLoad(actuals).Select(p => "actuals.json: " + p));
                EvaluationResult? result = null;
                if (set.Value is not null && actuals.Value is not null)
                {
                    result = evaluator.Evaluate(set.Value, actuals.Value);
                    problems.AddRange(Promises.OfEvaluation(result));
                }

                return (problems, set, actuals, result);
            });

            if (failure is not null)
            {
                failures.Add($"{what}: {failure}");
                continue;
            }

            var (problems, set, actuals, result) = outcome;
            failures.AddRange(problems.Select(p => $"{what}: {p}"));
            setsLoaded += set.Value is null ? 0 : 1;
            actualsLoaded += actuals.Value is null ? 0 : 1;
            evaluated += result is null ? 0 : 1;
            codes.UnionWith(set.Diagnostics.Concat(actuals.Diagnostics).Concat(result?.Findings ?? []).Select(d => d.Code));
        }

        output.WriteLine($"{rounds} rounds in {watch.Elapsed.TotalSeconds:0.0} s: {setsLoaded} sets and {actualsLoaded} actuals loaded, {evaluated} evaluations");
        output.WriteLine("codes seen: " + string.Join(" ", codes));
        foreach (var f in failures.Take(20))
        {
            output.WriteLine(f);
        }

        failures.Should().BeEmpty($"every damaged copy must keep the promises ({failures.Count} failures; the first are printed)");

        // The damage must be varied enough to exercise both sides of every promise.
        setsLoaded.Should().BeInRange(rounds / 10, rounds * 9 / 10);
        actualsLoaded.Should().BeInRange(rounds / 10, rounds * 9 / 10);
        evaluated.Should().BeGreaterThan(rounds / 10);
        codes.Should().Contain([DiagnosticCodes.MalformedJson, DiagnosticCodes.UnknownProperty, DiagnosticCodes.WrongType, DiagnosticCodes.InvalidValue, DiagnosticCodes.MissingActual]);
    }

    /// <summary>Damages a UTF-8 JSON document: a few byte-level and tree-level changes, recorded in <see cref="Steps"/>.</summary>
    private sealed class Mutator(Random random, string[] hugeNumbers)
    {
        private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private static readonly byte[][] Insertions =
        [
            "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\""u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
            "\\"u8.ToArray(), "0"u8.ToArray(), "-"u8.ToArray(), "e"u8.ToArray(), "."u8.ToArray(), " "u8.ToArray(), "\n"u8.ToArray(),
            "null"u8.ToArray(), "中"u8.ToArray(), [0xFF], [0xC3], [0xE4, 0xB8], [0x00], [0xEF, 0xBB, 0xBF],
        ];

        public List<string> Steps { get; } = [];

        public byte[] Damage(byte[] document)
        {
            var bytes = document;
            var count = 1 + random.Next(3);
            for (var i = 0; i < count; i++)
            {
                bytes = random.Next(10) < 4 ? DamageBytes(bytes) : DamageTree(bytes) ?? DamageBytes(bytes);
            }

            return bytes;
        }

        private byte[] DamageBytes(byte[] b)
        {
            if (b.Length == 0)
            {
                Steps.Add("insert '{'");
                return "{"u8.ToArray();
            }

            var at = random.Next(b.Length);
            switch (random.Next(6))
            {
                case 0:
                    Steps.Add($"delete byte {at}");
                    return [.. b[..at], .. b[(at + 1)..]];
                case 1:
                    Steps.Add($"duplicate byte {at}");
                    return [.. b[..(at + 1)], b[at], .. b[(at + 1)..]];
                case 2 when at + 1 < b.Length:
                    Steps.Add($"swap bytes {at} and {at + 1}");
                    return [.. b[..at], b[at + 1], b[at], .. b[(at + 2)..]];
                case 3:
                    var insertion = Insertions[random.Next(Insertions.Length)];
                    Steps.Add($"insert {Convert.ToHexString(insertion)} at {at}");
                    return [.. b[..at], .. insertion, .. b[at..]];
                case 4:
                    Steps.Add($"truncate at {at}");
                    return b[..at];
                default:
                    var length = Math.Min(b.Length - at, 1 + random.Next(40));
                    Steps.Add($"delete bytes {at}–{at + length - 1}");
                    return [.. b[..at], .. b[(at + length)..]];
            }
        }

        /// <summary>A change to one value of the parsed document; null when the document no longer parses.</summary>
        private byte[]? DamageTree(byte[] b)
        {
            JsonNode? root;
            try
            {
                root = JsonNode.Parse(b, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                return null;
            }

            if (root is null)
            {
                return null;
            }

            var nodes = new List<JsonNode>();
            try
            {
                Collect(root, nodes);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // A repeated property or broken UTF-8 (an earlier step made them), found as the tree is walked:
                // damage the bytes instead.
                return null;
            }

            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent;
            switch (random.Next(8))
            {
                case 0 or 1 when parent is not null:
                    var replacement = OtherValue();
                    Steps.Add($"{node.GetPath()} := {replacement?.ToJsonString(Relaxed) ?? "null"}");
                    Replace(node, replacement);
                    break;
                case 2 when parent is not null:
                    var huge = hugeNumbers[random.Next(hugeNumbers.Length)];
                    Steps.Add($"{node.GetPath()} := {huge}");
                    Replace(node, JsonNode.Parse(huge));
                    break;
                case 3 when parent is JsonObject o:
                    var name = NameOf(node);
                    var renamed = Rename(name);
                    if (o.ContainsKey(renamed))
                    {
                        return null;
                    }

                    Steps.Add($"rename {node.GetPath()} to '{renamed}'");
                    Move(o, name, renamed);
                    break;
                case 4 when parent is not null:
                    Steps.Add($"remove {node.GetPath()}");
                    Remove(node);
                    break;
                case 5 when parent is JsonArray a:
                    Steps.Add($"duplicate {node.GetPath()}");
                    a.Insert(a.IndexOf(node), node.DeepClone());
                    break;
                case 6 when parent is JsonObject o:
                    // The same property twice: only the text can say that.
                    var text = root.ToJsonString(Relaxed);
                    var property = JsonSerializer.Serialize(NameOf(node)) + ":";
                    var at = text.IndexOf(property, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        return null;
                    }

                    Steps.Add($"repeat the property {node.GetPath()}");
                    return Encoding.UTF8.GetBytes(text.Insert(at, property + (node.ToJsonString(Relaxed)) + ","));
                default:
                    var number = random.Next(4) switch
                    {
                        0 => "0",
                        1 => "-" + random.Next(1, 1000).ToString(CultureInfo.InvariantCulture),
                        2 => random.Next(0, 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture),
                        _ => hugeNumbers[random.Next(hugeNumbers.Length)],
                    };
                    if (parent is null)
                    {
                        return null;
                    }

                    Steps.Add($"{node.GetPath()} := {number}");
                    Replace(node, JsonNode.Parse(number));
                    break;
            }

            return Encoding.UTF8.GetBytes(root.ToJsonString(Relaxed));
        }

        // JsonNode.Parse keeps a number's text as written, even beyond what double or decimal hold.
        private JsonNode? OtherValue() => random.Next(11) switch
        {
            0 => null,
            1 => JsonValue.Create(true),
            2 => JsonValue.Create(false),
            3 => JsonValue.Create(0),
            4 => JsonValue.Create(-1),
            5 => JsonValue.Create(string.Empty),
            6 => JsonValue.Create("很多"),
            7 => new JsonArray(),
            8 => new JsonObject(),
            9 => JsonValue.Create("13月底前"),
            _ => JsonValue.Create("≥abc"),
        };

        private string Rename(string name) => random.Next(5) switch
        {
            0 when name.Length > 1 => name.Remove(random.Next(name.Length), 1),
            1 => name.ToUpperInvariant(),
            2 when name.Length > 1 => name[1] + name[..1] + name[2..],
            3 => name + "s",
            _ => "x" + name,
        };

        private static void Collect(JsonNode node, List<JsonNode> into)
        {
            into.Add(node);
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, v) in o)
                    {
                        if (v is not null)
                        {
                            Collect(v, into);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var v in a)
                    {
                        if (v is not null)
                        {
                            Collect(v, into);
                        }
                    }

                    break;
            }
        }

        private static string NameOf(JsonNode node) => ((JsonObject)node.Parent!).First(p => ReferenceEquals(p.Value, node)).Key;

        private static void Replace(JsonNode node, JsonNode? replacement)
        {
            switch (node.Parent)
            {
                case JsonObject o:
                    o[NameOf(node)] = replacement;
                    break;
                case JsonArray a:
                    a[a.IndexOf(node)] = replacement;
                    break;
            }
        }

        private static void Remove(JsonNode node)
        {
            switch (node.Parent)
            {
                case JsonObject o:
                    o.Remove(NameOf(node));
                    break;
                case JsonArray a:
                    a.RemoveAt(a.IndexOf(node));
                    break;
            }
        }

        private static void Move(JsonObject o, string from, string to)
        {
            // Keep the order of the properties: rebuild the object with the one name changed.
            var properties = o.ToList();
            o.Clear();
            foreach (var (k, v) in properties)
            {
                o[k == from ? to : k] = v;
            }
        }
    }
}

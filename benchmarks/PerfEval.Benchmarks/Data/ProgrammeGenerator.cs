using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfEval.Benchmarks.Data;

/// <summary>One generated programme: the text of its indicators.json and actuals.json.</summary>
/// <param name="Name">The programme's id.</param>
/// <param name="IndicatorsJson">indicators.json.</param>
/// <param name="ActualsJson">actuals.json.</param>
public sealed record GeneratedProgramme(string Name, string IndicatorsJson, string ActualsJson);

/// <summary>
/// A deterministic generator of programmes shaped like real county funds: a few dozen programme shapes (which
/// indicators, their kinds, units, explicit weights, computed sums) shared by many programmes, each programme
/// with its own target values, actuals and budget. Programme <c>i</c> is always the same text (System.Random
/// seeded with <see cref="Seed"/> + i), so samples can be regenerated independently.
/// </summary>
public static class ProgrammeGenerator
{
    public const int Seed = 20_250_101;
    public const int ShapeCount = 24;
    public const int IndicatorsPerProgramme = 30;

    /// <summary>The seed example's size: 47 indicators (the <c>national</c> scenario).</summary>
    public const int SeedSizedIndicators = 47;

    private static readonly JsonWriterOptions IndentedOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions CompactOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private enum Kind
    {
        CountAtLeast,       // ≥2300 人
        CountBare,          // 113 人 (≥ by its kind)
        PercentAtLeast,     // ≥95%
        PercentBare,        // 98%
        PercentEqual,       // ＝100%
        Deadline,           // 12月底前
        CostAtMost,         // ≤3650 元/人/月
        CostBare,           // 700 元/人/月 (≤ by its kind)
        ZeroIncidents,      // { "comparison": "≤", "value": 0 } 起, or "无"
        Qualitative,        // 有效提升创业能力
        YearsBare,          // 2 年
        Satisfaction,       // ≥90%
    }

    private sealed record Slot(string Level2, string Name, string? Unit, Kind Kind, decimal? Weight, string[]? Inputs, string? Wording);

    private static readonly Slot[][] Shapes = BuildShapes(IndicatorsPerProgramme);
    private static readonly Lazy<Slot[][]> SeedSizedShapes = new(() => BuildShapes(SeedSizedIndicators));

    private static readonly string[] Counties = ["扎兰屯市", "阿荣旗", "莫力达瓦旗", "鄂伦春自治旗", "牙克石市", "根河市", "额尔古纳市", "陈巴尔虎旗", "新巴尔虎左旗", "新巴尔虎右旗", "鄂温克族自治旗", "满洲里市", "海拉尔区", "扎赉诺尔区"];
    private static readonly string[] Funds = ["就业补助资金", "农村公路养护资金", "困难群众救助补助资金", "职业技能提升行动资金", "农业生产发展资金", "乡村振兴衔接资金", "城乡居民医疗救助资金", "义务教育薄弱环节改善资金", "生态护林员补助资金", "公共文化服务体系建设资金"];
    private static readonly string[] Departments = ["人力资源和社会保障局", "交通运输局", "民政局", "农牧局", "教育局", "卫生健康委员会", "林业和草原局", "文化旅游体育局"];
    private static readonly (string Name, string? Category)[] SourceNames = [("中央财政资金", null), ("自治区财政资金", null), ("盟市财政资金", null), ("旗县财政资金", null), ("上年结余资金", "carryOver"), ("其他资金", "other")];
    private static readonly string[] ExpenditureNames = ["补贴发放", "工程建设", "设备购置", "培训支出", "服务购买", "宣传支出", "日常运维", "其他支出"];
    private static readonly string[] Categories = ["funds", "externalChange", "management", "targetTooHigh", "notStarted", "policyChange"];

    /// <summary>The programmes 0 … <paramref name="count"/> − 1.</summary>
    public static GeneratedProgramme[] Generate(int count)
    {
        var result = new GeneratedProgramme[count];
        Parallel.For(0, count, i => result[i] = Programme(i));
        return result;
    }

    /// <summary>Programme <paramref name="index"/>, the same text on every call.</summary>
    public static GeneratedProgramme Programme(int index) => Programme(index, IndicatorsPerProgramme, indented: true);

    /// <summary>
    /// Programme <paramref name="index"/> with <paramref name="indicators"/> indicators (<see cref="IndicatorsPerProgramme"/>
    /// or <see cref="SeedSizedIndicators"/>), the same text on every call; compact JSON unless <paramref name="indented"/>.
    /// </summary>
    public static GeneratedProgramme Programme(int index, int indicators, bool indented)
    {
        var rng = new Random(Seed + index);
        var shape = indicators switch
        {
            IndicatorsPerProgramme => Shapes[index % ShapeCount],
            SeedSizedIndicators => SeedSizedShapes.Value[index % ShapeCount],
            _ => throw new ArgumentOutOfRangeException(nameof(indicators), indicators, $"{IndicatorsPerProgramme} or {SeedSizedIndicators}"),
        };
        var writerOptions = indented ? IndentedOptions : CompactOptions;

        // Seed-sized programmes also carry what makes the seed's text longer: explanations of indicators, and a reason
        // with measures for every deviation.
        var seedSized = indicators == SeedSizedIndicators;
        var id = string.Create(CultureInfo.InvariantCulture, $"gen-{index:D5}-2025");
        var county = Counties[rng.Next(Counties.Length)];
        var fund = Funds[rng.Next(Funds.Length)];
        var department = Departments[rng.Next(Departments.Length)];

        // The budget: 2–5 sources, 2–6 expenditure lines, execution mostly above 90 %.
        var sources = Pick(rng, SourceNames.Length, rng.Next(2, 6));
        var expenditures = Pick(rng, ExpenditureNames.Length, rng.Next(2, 7));
        var sourceAmounts = new decimal[sources.Length];
        var available = 0m;
        for (var k = 0; k < sources.Length; k++)
        {
            sourceAmounts[k] = Money(rng, 20m, 2000m);
            available += sourceAmounts[k];
        }

        var execution = rng.NextDouble() < 0.85 ? 0.92 + (rng.NextDouble() * 0.08) : 0.6 + (rng.NextDouble() * 0.3);
        var spent = Math.Round(available * (decimal)execution, 2);
        var expenditureAmounts = Split(rng, spent, expenditures.Length);

        var targets = new List<(Slot Slot, string Id, decimal? T, int Month, string? Wording)>(shape.Length);

        var setBuffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(setBuffer, writerOptions))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "../../schema/indicator-set.schema.json");
            w.WriteString("id", id);
            w.WriteString("name", county + fund);
            w.WriteNumber("year", 2025);
            w.WriteString("department", county + department);
            w.WriteString("implementingUnit", county + department.Replace("局", "服务中心", StringComparison.Ordinal));
            w.WriteStartArray("goals");
            w.WriteStringValue("资金按规定用途使用，确保完成年度目标任务。");
            if (rng.Next(2) == 0)
            {
                w.WriteStringValue("提升服务质量和群众满意度。");
            }

            w.WriteEndArray();
            w.WriteStartObject("budget");
            w.WriteString("unit", "万元");
            w.WriteStartArray("sources");
            for (var k = 0; k < sources.Length; k++)
            {
                w.WriteStartObject();
                w.WriteString("id", "s" + k.ToString(CultureInfo.InvariantCulture));
                w.WriteString("name", SourceNames[sources[k]].Name);
                if (SourceNames[sources[k]].Category is { } category)
                {
                    w.WriteString("category", category);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("expenditures");
            for (var k = 0; k < expenditures.Length; k++)
            {
                w.WriteStartObject();
                w.WriteString("id", "e" + k.ToString(CultureInfo.InvariantCulture));
                w.WriteString("name", ExpenditureNames[expenditures[k]]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("indicators");
            for (var k = 0; k < shape.Length; k++)
            {
                var slot = shape[k];
                var indicatorId = slot.Level2 + "-" + (k + 1).ToString(CultureInfo.InvariantCulture);
                w.WriteStartObject();
                w.WriteString("id", indicatorId);
                w.WriteString("name", slot.Name);
                w.WriteString("program", fund);
                w.WriteString("level2", slot.Level2);
                decimal? t = null;
                var month = 0;
                switch (slot.Kind)
                {
                    case Kind.CountAtLeast:
                        t = rng.Next(2, 500) * 10;
                        w.WriteString("target", "≥" + N(t.Value));
                        break;
                    case Kind.CountBare:
                        t = rng.Next(5, 3000);
                        w.WriteString("target", N(t.Value));
                        break;
                    case Kind.PercentAtLeast:
                        t = Choose(rng, 85m, 90m, 95m, 98m);
                        w.WriteString("target", "≥" + N(t.Value) + "%");
                        break;
                    case Kind.PercentBare:
                        t = Choose(rng, 90m, 95m, 98m, 100m);
                        w.WriteString("target", N(t.Value) + "%");
                        break;
                    case Kind.PercentEqual:
                        t = 100m;
                        w.WriteString("target", "＝100%");
                        break;
                    case Kind.Deadline:
                        month = rng.Next(6, 13);
                        w.WriteString("target", month.ToString(CultureInfo.InvariantCulture) + "月底前");
                        break;
                    case Kind.CostAtMost:
                        t = rng.Next(20, 800) * 10;
                        w.WriteString("target", "≤" + N(t.Value));
                        break;
                    case Kind.CostBare:
                        t = rng.Next(50, 5000);
                        w.WriteString("target", N(t.Value));
                        break;
                    case Kind.ZeroIncidents:
                        t = 0m;
                        if (rng.Next(2) == 0)
                        {
                            w.WriteStartObject("target");
                            w.WriteString("comparison", "≤");
                            w.WriteNumber("value", 0);
                            w.WriteEndObject();
                        }
                        else
                        {
                            w.WriteString("target", "无");
                        }

                        break;
                    case Kind.Qualitative:
                        w.WriteString("target", slot.Wording);
                        break;
                    case Kind.YearsBare:
                        t = rng.Next(1, 6);
                        w.WriteString("target", N(t.Value));
                        break;
                    case Kind.Satisfaction:
                        t = Choose(rng, 85m, 90m, 92m, 95m);
                        w.WriteString("target", "≥" + N(t.Value) + "%");
                        break;
                }

                if (slot.Unit is { } unit)
                {
                    w.WriteString("unit", unit);
                }

                if (slot.Weight is { } weight)
                {
                    w.WriteNumber("weight", weight);
                }

                if (slot.Inputs is { } inputs)
                {
                    w.WriteString("compute", string.Join(" + ", inputs));
                }

                if (seedSized)
                {
                    // Like the seed's explanations of its indicators (指标解释): text the evaluation carries but does not use.
                    w.WriteString("description", $"{slot.Name}：按年度实施方案口径统计。");
                }

                w.WriteEndObject();
                targets.Add((slot, indicatorId, t, month, slot.Wording));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        var actualsBuffer = new System.Buffers.ArrayBufferWriter<byte>(8 * 1024);
        using (var w = new Utf8JsonWriter(actualsBuffer, writerOptions))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "../../schema/actuals.schema.json");
            w.WriteString("indicatorSet", id);
            w.WriteStartObject("budget");
            if (rng.Next(4) != 0)
            {
                w.WriteNumber("available", available);
                w.WriteNumber("spent", spent);
            }

            w.WriteStartObject("sources");
            for (var k = 0; k < sources.Length; k++)
            {
                w.WriteNumber("s" + k.ToString(CultureInfo.InvariantCulture), sourceAmounts[k]);
            }

            w.WriteEndObject();
            w.WriteStartObject("expenditures");
            for (var k = 0; k < expenditures.Length; k++)
            {
                w.WriteNumber("e" + k.ToString(CultureInfo.InvariantCulture), expenditureAmounts[k]);
            }

            w.WriteEndObject();
            if (execution < 0.9 && rng.Next(3) != 0)
            {
                w.WriteString("reason", "部分资金下达较晚，项目实施进度滞后。");
                w.WriteString("measures", "加快资金拨付进度。");
                w.WriteString("reasonCategory", "funds");
            }

            w.WriteEndObject();

            w.WriteStartObject("indicators");
            foreach (var (slot, indicatorId, t, month, wording) in targets)
            {
                WriteActual(w, rng, slot, indicatorId, t, month, wording, seedSized);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return new GeneratedProgramme(id, Encoding.UTF8.GetString(setBuffer.WrittenSpan), Encoding.UTF8.GetString(actualsBuffer.WrittenSpan));
    }

    private static void WriteActual(Utf8JsonWriter w, Random rng, Slot slot, string id, decimal? t, int month, string? wording, bool seedSized)
    {
        // Mostly met, some shortfalls, some over-achievements.
        var roll = rng.NextDouble();
        var outcome = roll < 0.75 ? 0 : roll < 0.9 ? -1 : 1;
        string? text = null;
        decimal? number = null;
        string? grade = null;
        switch (slot.Kind)
        {
            case Kind.CountAtLeast or Kind.CountBare or Kind.YearsBare:
            {
                var target = t!.Value;
                var factor = outcome switch { 0 => 1.0 + (rng.NextDouble() * 0.15), -1 => 0.5 + (rng.NextDouble() * 0.45), _ => 1.2 + (rng.NextDouble() * 0.3) };
                var x = Math.Max(0m, Math.Round(target * (decimal)factor, 0));
                if (outcome == 0 && x < target)
                {
                    x = target;
                }

                if (outcome == -1 && x >= target)
                {
                    x = target - 1;
                }

                if (rng.Next(2) == 0 && slot.Unit is { } unit)
                {
                    text = N(x) + unit;
                }
                else
                {
                    number = x;
                }

                break;
            }

            case Kind.PercentAtLeast or Kind.PercentBare or Kind.PercentEqual or Kind.Satisfaction:
            {
                var target = t!.Value;
                var x = outcome == -1
                    ? target - Math.Round((decimal)(0.5 + (rng.NextDouble() * 8)), 1)
                    : Math.Min(100m, target + Math.Round((decimal)(rng.NextDouble() * (double)(100m - target)), 1));
                text = N(x) + "%";
                if (outcome == -1 && x >= target)
                {
                    text = N(target - 1) + "%";
                }

                outcome = outcome == 1 ? 0 : outcome;
                break;
            }

            case Kind.Deadline:
                text = outcome == -1 ? "未完成" : rng.Next(3) switch
                {
                    0 => month.ToString(CultureInfo.InvariantCulture) + "月底前",
                    1 => "完成",
                    _ => string.Create(CultureInfo.InvariantCulture, $"2025-{month:D2}-{rng.Next(1, 28):D2}"),
                };
                outcome = outcome == 1 ? 0 : outcome;
                break;

            case Kind.CostAtMost or Kind.CostBare:
            {
                // For costs, "over" is over budget: a shortfall.
                var target = t!.Value;
                var over = outcome != 0;
                var x = over ? Math.Round(target * (decimal)(1.01 + (rng.NextDouble() * 0.5)), 0) : Math.Round(target * (decimal)(0.8 + (rng.NextDouble() * 0.2)), 0);
                if (over && x <= target)
                {
                    x = target + 1;
                }

                text = slot.Unit is { } unit ? N(x) + unit : N(x);
                outcome = over ? -1 : 0;
                break;
            }

            case Kind.ZeroIncidents:
                if (outcome == -1)
                {
                    number = rng.Next(1, 3);
                }
                else
                {
                    text = "无";
                }

                outcome = outcome == 1 ? 0 : outcome;
                break;

            case Kind.Qualitative:
                if (outcome == -1)
                {
                    text = rng.Next(2) == 0 ? "未完成" : "部分" + wording;
                    grade = text == "未完成" ? null : "partial";
                }
                else
                {
                    text = wording;
                    grade = rng.Next(3) == 0 ? "achieved" : null;
                }

                outcome = outcome == 1 ? 0 : outcome;
                break;
        }

        var explain = outcome == -1 ? rng.NextDouble() < 0.7 || seedSized : outcome == 1 && (rng.NextDouble() < 0.5 || seedSized);
        var inputs = slot.Inputs;
        if (!explain && grade is null && inputs is null)
        {
            // The bare form: "id": 2781 or "id": "98%".
            if (number is { } bare)
            {
                w.WriteNumber(id, bare);
            }
            else
            {
                w.WriteString(id, text);
            }

            return;
        }

        w.WriteStartObject(id);
        if (inputs is not null)
        {
            // A computed actual: the inputs add up to the number; the actual is sometimes stated as well.
            var total = number ?? (decimal.TryParse(Digits(text), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0m);
            var parts = Split(rng, total, inputs.Length, wholeNumbers: true);
            if (rng.Next(2) == 0)
            {
                w.WriteNumber("actual", total);
            }

            w.WriteStartObject("inputs");
            for (var k = 0; k < inputs.Length; k++)
            {
                w.WriteNumber(inputs[k], parts[k]);
            }

            w.WriteEndObject();
        }
        else if (number is { } n)
        {
            w.WriteNumber("actual", n);
        }
        else
        {
            w.WriteString("actual", text);
        }

        if (grade is not null)
        {
            w.WriteString("grade", grade);
        }

        if (explain)
        {
            w.WriteString("reason", outcome == -1 ? "受外部因素影响，年度任务未全部完成。" : "年初目标设定偏低，实际需求增加。");
            if (rng.Next(2) == 0 || seedSized)
            {
                w.WriteString("measures", "加强过程管理，科学设定年度目标。");
            }

            w.WriteString("reasonCategory", outcome == 1 ? "targetTooLow" : Categories[rng.Next(Categories.Length)]);
        }

        w.WriteEndObject();
    }

    private static string Digits(string? text)
    {
        var sb = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            if (char.IsAsciiDigit(c) || c == '.')
            {
                sb.Append(c);
            }
            else
            {
                break;
            }
        }

        return sb.ToString();
    }

    private static Slot[][] BuildShapes(int indicators)
    {
        // The level counts scale with the number of indicators; at 30 they are the original ranges.
        int Scaled(int bound) => bound * indicators / IndicatorsPerProgramme;

        var shapes = new Slot[ShapeCount][];
        for (var s = 0; s < ShapeCount; s++)
        {
            var rng = new Random(Seed - 1 - s);
            var counts = new Dictionary<string, int>
            {
                ["quantity"] = rng.Next(Scaled(5), Scaled(8)),
                ["quality"] = rng.Next(Scaled(3), Scaled(5)),
                ["timeliness"] = rng.Next(Scaled(2), Scaled(4)),
                ["cost"] = rng.Next(Scaled(2), Scaled(4)),
                ["economic"] = rng.Next(Scaled(2), Scaled(4)),
                ["social"] = rng.Next(Scaled(2), Scaled(5)),
                ["sustainability"] = rng.Next(Scaled(2), Scaled(4)),
            };
            counts["satisfaction"] = indicators - counts.Values.Sum();
            while (counts["satisfaction"] < 2)
            {
                counts["quantity"]--;
                counts["satisfaction"]++;
            }

            while (counts["satisfaction"] > Scaled(5))
            {
                counts["quantity"]++;
                counts["satisfaction"]--;
            }

            var slots = new List<Slot>();
            foreach (var (level2, count) in counts)
            {
                for (var k = 0; k < count; k++)
                {
                    slots.Add(MakeSlot(rng, level2, k));
                }
            }

            // Explicit weights on some indicators of some levels; the others are filled by the policy.
            GiveWeights(rng, slots, ["quantity", "quality", "timeliness", "cost"], 3, 7, most: 3);
            GiveWeights(rng, slots, ["economic", "social", "sustainability"], 3, 7, most: 3);
            GiveWeights(rng, slots, ["satisfaction"], 2, 4, most: 1);

            // Half the shapes compute their first quantity from named inputs.
            if (s % 2 == 0)
            {
                var first = slots.FindIndex(x => x.Level2 == "quantity");
                slots[first] = slots[first] with { Kind = Kind.CountAtLeast, Inputs = s % 4 == 0 ? ["urban", "rural"] : ["hardship", "enterprises", "publicJobs"] };
            }

            shapes[s] = [.. slots];
        }

        return shapes;
    }

    private static void GiveWeights(Random rng, List<Slot> slots, string[] levels, int low, int high, int most)
    {
        if (rng.NextDouble() < 0.4)
        {
            return;
        }

        var members = new List<int>();
        for (var i = 0; i < slots.Count; i++)
        {
            if (levels.Contains(slots[i].Level2))
            {
                members.Add(i);
            }
        }

        // Never all of a level: some points are always left for the policy to fill.
        var n = Math.Min(rng.Next(1, most + 1), members.Count - 1);
        foreach (var i in Pick(rng, members.Count, n))
        {
            slots[members[i]] = slots[members[i]] with { Weight = rng.Next(low * 2, (high * 2) + 1) / 2m };
        }
    }

    private static Slot MakeSlot(Random rng, string level2, int k)
    {
        string[] names;
        switch (level2)
        {
            case "quantity":
                names = ["补贴发放人数", "培训人次", "受益户数", "开展活动场次", "覆盖村数", "设备购置数量", "招募人数", "检查企业数量", "养护里程", "发放册数"];
                string[] units = ["人", "人次", "户", "场", "个", "台", "人", "家", "公里", "册"];
                var q = (k + rng.Next(names.Length)) % names.Length;
                return new Slot(level2, names[q], units[q], rng.Next(2) == 0 ? Kind.CountAtLeast : Kind.CountBare, null, null, null);
            case "quality":
                names = ["资金发放准确率", "验收合格率", "培训合格率", "设备完好率", "档案规范率", "补贴发放到位率"];
                return new Slot(level2, names[(k + rng.Next(names.Length)) % names.Length], null, (Kind)rng.Next((int)Kind.PercentAtLeast, (int)Kind.PercentEqual + 1), null, null, null);
            case "timeliness":
                names = ["资金拨付完成时间", "项目完成时间", "培训完成时间", "资金拨付及时率"];
                var tm = (k + rng.Next(names.Length)) % names.Length;
                return tm == 3 ? new Slot(level2, names[tm], null, Kind.PercentAtLeast, null, null, null) : new Slot(level2, names[tm], null, Kind.Deadline, null, null, null);
            case "cost":
                names = ["人均补贴标准", "单位建设成本", "培训人均成本", "设备单价"];
                string[] costUnits = ["元/人/月", "元/公里", "元/人", "元/台"];
                var c = (k + rng.Next(names.Length)) % names.Length;
                return new Slot(level2, names[c], costUnits[c], rng.Next(2) == 0 ? Kind.CostAtMost : Kind.CostBare, null, null, null);
            case "economic":
                names = ["带动就业人数", "增加农牧民收入", "新增产值", "带动创业人数"];
                string[] economicUnits = ["人", "万元", "万元", "人"];
                var e = (k + rng.Next(names.Length)) % names.Length;
                return new Slot(level2, names[e], economicUnits[e], rng.Next(2) == 0 ? Kind.CountAtLeast : Kind.CountBare, null, null, null);
            case "social":
                switch (rng.Next(3))
                {
                    case 0:
                        return new Slot(level2, "因项目引发的群体性事件数量", "起", Kind.ZeroIncidents, null, null, null);
                    case 1:
                        return new Slot(level2, "受益群众覆盖率", null, Kind.PercentAtLeast, null, null, null);
                    default:
                        string[] wordings = ["有效提升群众生活水平", "有效提升创业能力", "促进社会和谐稳定", "改善群众出行条件", "提升公共服务水平"];
                        var wording = wordings[(k + rng.Next(wordings.Length)) % wordings.Length];
                        return new Slot(level2, "社会效益：" + wording, null, Kind.Qualitative, null, null, wording);
                }

            case "sustainability":
                if (rng.Next(2) == 0)
                {
                    return new Slot(level2, "项目持续发挥作用期限", "年", Kind.YearsBare, null, null, null);
                }

                string[] lasting = ["建立长效管理机制", "持续发挥作用", "数据真实准确", "提高服务水平"];
                var l = lasting[(k + rng.Next(lasting.Length)) % lasting.Length];
                return new Slot(level2, "可持续影响：" + l, null, Kind.Qualitative, null, null, l);
            default:
                names = ["服务对象满意度", "受益群众满意度", "参训人员满意度", "基层单位满意度", "企业满意度"];
                return new Slot(level2, names[(k + rng.Next(names.Length)) % names.Length], null, Kind.Satisfaction, null, null, null);
        }
    }

    private static int[] Pick(Random rng, int from, int count)
    {
        var all = new int[from];
        for (var i = 0; i < from; i++)
        {
            all[i] = i;
        }

        rng.Shuffle(all);
        var picked = all[..Math.Min(count, from)];
        Array.Sort(picked);
        return picked;
    }

    private static decimal[] Split(Random rng, decimal total, int parts, bool wholeNumbers = false)
    {
        var result = new decimal[parts];
        var left = total;
        for (var k = 0; k < parts - 1; k++)
        {
            var share = (decimal)(0.1 + (rng.NextDouble() * 0.8)) / (parts - k);
            result[k] = Math.Max(0m, Math.Round(left * share, wholeNumbers ? 0 : 2));
            left -= result[k];
        }

        result[parts - 1] = left;
        return result;
    }

    private static decimal Money(Random rng, decimal low, decimal high) => Math.Round(low + ((high - low) * (decimal)rng.NextDouble()), 2);

    private static decimal Choose(Random rng, params decimal[] values) => values[rng.Next(values.Length)];

    private static string N(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}

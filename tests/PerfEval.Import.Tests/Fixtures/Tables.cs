namespace PerfEval.Import.Tests.Fixtures;

/// <summary>The layouts of real submissions, written as test tables; the figures are worked out by hand in the tests.</summary>
public static class Tables
{
    private static SpecCell Num(string text, double number, string? format = null) => new(text) { Number = number, Format = format };

    /// <summary>
    /// The national project table (项目支出绩效自评表) as finance departments print it: the title over two rows, a
    /// 绩效指标 column down the left of the indicator block, level-1 and level-2 labels in merged cells, 分值 and 得分 but
    /// no 完成率, the deviation column two wide, and the total with the grade.
    /// </summary>
    public static TableSpec National(params SpecCell[][] extraRows)
    {
        var t = new TableSpec()
            .Row(new SpecCell("项目支出绩效自评表", ColSpan: 10))
            .Row(new SpecCell("（2024年度）", ColSpan: 10))
            .Row("项目名称", new SpecCell("社区养老服务补助", ColSpan: 9))
            .Row("主管部门", new SpecCell("某区民政局", ColSpan: 4), "实施单位", new SpecCell("某区养老服务中心", ColSpan: 4))
            .Row(new SpecCell("项目资金\n（万元）", RowSpan: 5), new SpecCell(string.Empty, ColSpan: 3), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
            .Row(new SpecCell("年度资金总额", ColSpan: 3), Num("200", 200), Num("220", 220), Num("209", 209), Num("10", 10), Num("95.00%", 0.95, "0.00%"), Num("9.5", 9.5, "0.00"))
            .Row(new SpecCell("其中：当年财政拨款", ColSpan: 3), Num("200", 200), Num("200", 200), Num("190", 190), "—", "—", "—")
            .Row(new SpecCell("上年结转资金", ColSpan: 3), "—", Num("20", 20), Num("19", 19), "—", "—", "—")
            .Row(new SpecCell("其他资金", ColSpan: 3), "—", "—", "—", "—", "—", "—")
            .Row(new SpecCell("年度总体目标", RowSpan: 2), new SpecCell("预期目标", ColSpan: 5), new SpecCell("实际完成情况", ColSpan: 4))
            .Row(new SpecCell("1. 为500名老人提供居家养老服务。\n2. 服务满意度达到90%以上。", ColSpan: 5), new SpecCell("为520名老人提供服务，满意度93%。", ColSpan: 4))
            .Row(new SpecCell("绩效指标", RowSpan: 7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", new SpecCell("偏差原因分析及改进措施", ColSpan: 2))
            .Row(new SpecCell("产出指标", RowSpan: 4), new SpecCell("数量指标", RowSpan: 2), "服务老人人数", "≥500人", "520人", Num("20", 20), Num("20", 20), new SpecCell(string.Empty, ColSpan: 2))
            .Row("助餐服务次数", "≥10000次", "9000次", Num("15", 15), Num("13.5", 13.5), new SpecCell("部分老人选择自行就餐。", ColSpan: 2))
            .Row("质量指标", "服务合格率", "≥95%", "98%", Num("10", 10), Num("10", 10), new SpecCell(string.Empty, ColSpan: 2))
            .Row("时效指标", "服务完成时间", "12月底前", "12月底前", Num("5", 5), Num("5", 5), new SpecCell(string.Empty, ColSpan: 2))
            .Row("效益指标", "社会效益指标", "老人生活质量", "有效提升", "有效提升", Num("30", 30), Num("30", 30), new SpecCell(string.Empty, ColSpan: 2))
            .Row("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", Num("10", 10), Num("10", 10), new SpecCell(string.Empty, ColSpan: 2))
            .Row(new SpecCell("总分", ColSpan: 6), Num("100", 100), Num("98", 98), new SpecCell("自评等级：优", ColSpan: 2));
        foreach (var row in extraRows)
        {
            t.Row(row);
        }

        return t;
    }

    /// <summary>
    /// The transfer-payment regional table (转移支付区域绩效自评表): funds by central and local money, no 分值 or 得分,
    /// 指标性质 and 度量单位 columns (percentages as a bare number with % as the unit), level labels repeated in every
    /// row, and no total row.
    /// </summary>
    public static TableSpec Transfer() => new TableSpec()
        .Row(new SpecCell("2024年度中央对地方转移支付区域绩效自评表", ColSpan: 9))
        .Row("转移支付（项目）名称", new SpecCell("农村饮水安全补助资金", ColSpan: 8))
        .Row("中央主管部门", new SpecCell("水利部", ColSpan: 3), "地方主管部门", new SpecCell("某县水利局", ColSpan: 4))
        .Row(new SpecCell("资金情况\n（万元）", RowSpan: 4), new SpecCell(string.Empty, ColSpan: 2), new SpecCell("全年预算数（A）", ColSpan: 2), new SpecCell("全年执行数（B）", ColSpan: 2), new SpecCell("执行率（B/A）", ColSpan: 2))
        .Row(new SpecCell("年度资金总额", ColSpan: 2), new SpecCell("1000", ColSpan: 2), new SpecCell("850", ColSpan: 2), new SpecCell("85%", ColSpan: 2))
        .Row(new SpecCell("其中：中央补助", ColSpan: 2), new SpecCell("800", ColSpan: 2), new SpecCell("700", ColSpan: 2), new SpecCell("—", ColSpan: 2))
        .Row(new SpecCell("地方资金", ColSpan: 2), new SpecCell("200", ColSpan: 2), new SpecCell("150", ColSpan: 2), new SpecCell("—", ColSpan: 2))
        .Row(new SpecCell("年度总体目标", RowSpan: 2), new SpecCell("预期目标", ColSpan: 4), new SpecCell("实际完成情况", ColSpan: 4))
        .Row(new SpecCell("巩固提升农村供水保障水平。", ColSpan: 4), new SpecCell("完成供水工程改造12处。", ColSpan: 4))
        .Row("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "全年实际完成值", new SpecCell("未完成原因和改进措施", ColSpan: 2))
        .Row("产出指标", "数量指标", "改造供水工程数量", "≥", "10", "处", "12", new SpecCell(string.Empty, ColSpan: 2))
        .Row("产出指标", "质量指标", "水质达标率", "≥", "95", "%", "96", new SpecCell(string.Empty, ColSpan: 2))
        .Row("产出指标", "成本指标", "单处改造成本", "≤", "80", "万元", "85", new SpecCell("材料涨价。", ColSpan: 2))
        .Row("效益指标", "社会效益指标", "受益人口", "≥", "2", "万人", "2.3", new SpecCell(string.Empty, ColSpan: 2))
        .Row("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "88", new SpecCell("部分群众反映水压不足。", ColSpan: 2));
}

namespace PerfEval.Import;

/// <summary>What a column of a submitted table holds, recognised from its header label.</summary>
internal enum TableColumn
{
    /// <summary>一级指标.</summary>
    Level1,

    /// <summary>二级指标.</summary>
    Level2,

    /// <summary>三级指标: the indicator's name.</summary>
    Name,

    /// <summary>指标性质.</summary>
    Comparison,

    /// <summary>年度指标值.</summary>
    Target,

    /// <summary>度量单位 / 计量单位.</summary>
    Unit,

    /// <summary>实际完成值.</summary>
    Actual,

    /// <summary>完成率.</summary>
    CompletionRate,

    /// <summary>分值.</summary>
    Weight,

    /// <summary>得分.</summary>
    Score,

    /// <summary>偏差原因分析及改进措施.</summary>
    Deviation,

    /// <summary>年初预算数 (funds block).</summary>
    Initial,

    /// <summary>全年预算数 (A) (funds block).</summary>
    Available,

    /// <summary>全年执行数 (B) (funds block).</summary>
    Spent,

    /// <summary>执行率 (funds block).</summary>
    ExecutionRate,
}

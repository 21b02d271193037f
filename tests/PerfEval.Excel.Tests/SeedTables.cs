using System.Globalization;
using PerfEval.Evaluation;
using PerfEval.Loading;
using PerfEval.Reporting;

namespace PerfEval.Excel.Tests;

/// <summary>The seed example evaluated once, and its tables in the layouts the tests use.</summary>
public sealed class SeedTables
{
    public SeedTables()
    {
        var load = PerfEvalJson.ReadProgrammeFolder(Testing.Repository.SeedExample());
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            Result = new Evaluator().Evaluate(load.GetValueOrThrow());
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        Chinese = SelfEvaluationTable.From(Result);
        English = SelfEvaluationTable.From(Result, new TableOptions { Chinese = false });
        ChineseWorkbook = XlsxReader.Open(ExcelTableWriter.ToBytes(Chinese));
        EnglishWorkbook = XlsxReader.Open(ExcelTableWriter.ToBytes(English));
    }

    public EvaluationResult Result { get; }

    public SelfEvaluationTable Chinese { get; }

    public SelfEvaluationTable English { get; }

    public XlsxReader ChineseWorkbook { get; }

    public XlsxReader EnglishWorkbook { get; }
}

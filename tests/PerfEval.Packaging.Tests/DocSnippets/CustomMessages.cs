using System.Globalization;
using PerfEval.Diagnostics;
using PerfEval.Evaluation;

namespace Samples;

public static class CustomMessages
{
    /// <summary>An evaluator that writes its findings in Chinese, whatever the UI culture of the thread that calls it.</summary>
    public static Evaluator InChinese() =>
        new(new PerfEvalOptions { Culture = CultureInfo.GetCultureInfo("zh-CN") });

    /// <summary>An evaluator whose PE3001 finding uses a department's own wording in Chinese.</summary>
    public static Evaluator WithOwnWording()
    {
        MessageCatalog messages = MessageCatalog.Default.WithTemplate(
            DiagnosticCodes.ExplanationMissing, "zh", "请补充“{name}”的偏差原因（{triggers}）。");
        return new Evaluator(new PerfEvalOptions { Messages = messages });
    }

    /// <summary>Any diagnostic again, wholly in English (PerfEval's own words in it too), from its code and arguments.</summary>
    public static string InEnglish(Diagnostic diagnostic) =>
        MessageCatalog.Default.Render(diagnostic, CultureInfo.GetCultureInfo("en"));
}

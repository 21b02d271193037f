using System.Collections.Immutable;

namespace PerfEval.Diagnostics;

/// <summary>
/// What one diagnostic code is: the code, the severity it has unless a finding says otherwise (PE2007, PE2021 and a
/// consistency rule's PE3002 can be milder or set by the rule), and the key of its message template in
/// <see cref="MessageCatalog"/>. <see cref="All"/> lists every code PerfEval reports, once.
/// </summary>
public sealed class DiagnosticDescriptor
{
    private DiagnosticDescriptor(string code, DiagnosticSeverity defaultSeverity)
    {
        Code = code;
        DefaultSeverity = defaultSeverity;
        MessageKey = code;
    }

    /// <summary>The stable code, for example <c>PE1002</c>; the constants are in <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The severity the code has unless a finding says otherwise.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>The key of the message template in <see cref="MessageCatalog"/> (the code itself).</summary>
    public string MessageKey { get; }

    /// <summary>Every diagnostic code PerfEval reports, in code order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
    [
        new(DiagnosticCodes.MalformedJson, DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnknownProperty, DiagnosticSeverity.Error),
        new(DiagnosticCodes.WrongType, DiagnosticSeverity.Error),
        new(DiagnosticCodes.MissingProperty, DiagnosticSeverity.Error),
        new(DiagnosticCodes.InvalidValue, DiagnosticSeverity.Error),
        new(DiagnosticCodes.DuplicateProperty, DiagnosticSeverity.Error),
        new(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error),
        new(DiagnosticCodes.InvalidTarget, DiagnosticSeverity.Error),
        new(DiagnosticCodes.InvalidExpression, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ZeroTargetRatio, DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnreadableFile, DiagnosticSeverity.Error),
        new(DiagnosticCodes.LevelMismatch, DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnknownReasonCategory, DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnknownPolicy, DiagnosticSeverity.Error),
        new(DiagnosticCodes.InvalidPolicy, DiagnosticSeverity.Error),
        new(DiagnosticCodes.DuplicateRule, DiagnosticSeverity.Error),
        new(DiagnosticCodes.EmptyIndicatorSet, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.LabelAlias, DiagnosticSeverity.Info),
        new(DiagnosticCodes.UnknownIndicator, DiagnosticSeverity.Error),
        new(DiagnosticCodes.IndicatorSetMismatch, DiagnosticSeverity.Error),
        new(DiagnosticCodes.MissingActual, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.SourcesTotalMismatch, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ExpendituresTotalMismatch, DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnknownBudgetLine, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ActualNotComparable, DiagnosticSeverity.Error),
        new(DiagnosticCodes.GradeRequired, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.WeightsDoNotAddUp, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.OverSpent, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.ExpressionFailed, DiagnosticSeverity.Error),
        new(DiagnosticCodes.BudgetMissing, DiagnosticSeverity.Error),
        new(DiagnosticCodes.NegativeActual, DiagnosticSeverity.Info),
        new(DiagnosticCodes.ScoreOutOfBand, DiagnosticSeverity.Error),
        new(DiagnosticCodes.LevelPointsExceeded, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ComputedActualMismatch, DiagnosticSeverity.Error),
        new(DiagnosticCodes.NotApplicableWithActual, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.NoLevelPoints, DiagnosticSeverity.Error),
        new(DiagnosticCodes.WeightsRescaled, DiagnosticSeverity.Info),
        new(DiagnosticCodes.DeductionNotAllowed, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.FigureOutOfRange, DiagnosticSeverity.Error),
        new(DiagnosticCodes.YearMismatch, DiagnosticSeverity.Error),
        new(DiagnosticCodes.WeightsExceedTotal, DiagnosticSeverity.Error),
        new(DiagnosticCodes.SpentWithoutBudget, DiagnosticSeverity.Error),
        new(DiagnosticCodes.WordsNeedGrade, DiagnosticSeverity.Error),
        new(DiagnosticCodes.SourcesFigureMismatch, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ExplanationMissing, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.ConsistencyRuleFailed, DiagnosticSeverity.Error),
        new(DiagnosticCodes.RuleFailed, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.StatedFigureDisagrees, DiagnosticSeverity.Error),
        new(DiagnosticCodes.SharesForced, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.TotalContradictsDetail, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ScoreAboveWeight, DiagnosticSeverity.Error),
        new(DiagnosticCodes.StatedScoreOutOfBand, DiagnosticSeverity.Error),
        new(DiagnosticCodes.MetButScoredBelowWeight, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.ConclusionContradicts, DiagnosticSeverity.Error),
        new(DiagnosticCodes.StatedUnknownItem, DiagnosticSeverity.Error),
        new(DiagnosticCodes.StatedScoresDoNotAddUp, DiagnosticSeverity.Error),
        new(DiagnosticCodes.UnwritableOutput, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportUnreadable, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportNoTable, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportUnplacedCell, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.ImportUnknownLevel, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportNotANumber, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportMissingTarget, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportMissingYear, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportMissingName, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportGradeFromScore, DiagnosticSeverity.Info),
        new(DiagnosticCodes.ImportNoTextLayer, DiagnosticSeverity.Error),
        new(DiagnosticCodes.ImportSeveralStandards, DiagnosticSeverity.Info),
        new(DiagnosticCodes.TableNotImportable, DiagnosticSeverity.Error),
        new(DiagnosticCodes.RequiredKindMissing, DiagnosticSeverity.Error),
        new(DiagnosticCodes.TargetNotQuantified, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.UnitMissing, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.ComparisonNotMeaningful, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.TargetBelowPreviousActual, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.UnknownProgrammeType, DiagnosticSeverity.Error),
        new(DiagnosticCodes.LevelOutsideChecklistTree, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.AsOfMissing, DiagnosticSeverity.Error),
        new(DiagnosticCodes.AsOfOutsideYear, DiagnosticSeverity.Error),
        new(DiagnosticCodes.MonitoringReasonMissing, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.MonitoringReasonCategory, DiagnosticSeverity.Warning),
        new(DiagnosticCodes.BudgetBehindSchedule, DiagnosticSeverity.Warning),
    ];

    /// <summary>The descriptor of a code.</summary>
    /// <param name="code">The code, for example <c>PE2003</c>.</param>
    /// <returns>Its descriptor; <see langword="null"/> for a code PerfEval does not report (a rule's own code).</returns>
    public static DiagnosticDescriptor? Find(string code) => All.FirstOrDefault(d => d.Code == code);

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({DefaultSeverity})";
}

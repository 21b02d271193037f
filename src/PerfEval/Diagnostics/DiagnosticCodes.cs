namespace PerfEval.Diagnostics;

/// <summary>
/// The stable diagnostic codes. <c>PE1xxx</c> are found while reading a file, <c>PE2xxx</c> while evaluating,
/// <c>PE3xxx</c> for deviations and rules, <c>PE4xxx</c> while auditing, <c>PE5xxx</c> while writing output, <c>PE7xxx</c> while reviewing a folder of submissions.
/// docs/diagnostics.md explains each one and how to fix it.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not well-formed JSON.</summary>
    public const string MalformedJson = "PE1001";

    /// <summary>A property that the format does not define (often a typo).</summary>
    public const string UnknownProperty = "PE1002";

    /// <summary>A value of the wrong JSON type (a string where a number belongs, …).</summary>
    public const string WrongType = "PE1003";

    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "PE1004";

    /// <summary>A value of the right type that is not allowed (an unknown level, a number out of range, …).</summary>
    public const string InvalidValue = "PE1005";

    /// <summary>The same property twice in one object.</summary>
    public const string DuplicateProperty = "PE1006";

    /// <summary>The same id twice (two indicators, two sources, …).</summary>
    public const string DuplicateId = "PE1007";

    /// <summary>A target whose notation cannot be read.</summary>
    public const string InvalidTarget = "PE1008";

    /// <summary>An expression that is not allowed or does not compile.</summary>
    public const string InvalidExpression = "PE1009";

    /// <summary>A target of zero with a comparison whose completion rate divides by the target.</summary>
    public const string ZeroTargetRatio = "PE1010";

    /// <summary>The file cannot be read (missing, too large, not UTF-8).</summary>
    public const string UnreadableFile = "PE1011";

    /// <summary>A level-2 group that does not belong to the given level 1.</summary>
    public const string LevelMismatch = "PE1012";

    /// <summary>A reason category that neither the built-in catalogue nor the rules define.</summary>
    public const string UnknownReasonCategory = "PE1013";

    /// <summary>A scoring policy named (by an indicator set or <c>extends</c>) that the catalogue does not hold.</summary>
    public const string UnknownPolicy = "PE1014";

    /// <summary>A scoring policy whose values do not fit together (bands out of order, default scores outside their bands, …).</summary>
    public const string InvalidPolicy = "PE1015";

    /// <summary>The same rule id twice.</summary>
    public const string DuplicateRule = "PE1016";

    /// <summary>An indicator set without indicators: there is nothing to evaluate, and no target can be said to be met.</summary>
    public const string EmptyIndicatorSet = "PE1017";

    /// <summary>An older, regional or traditional-character label read as the current one (information).</summary>
    public const string LabelAlias = "PE1018";

    /// <summary>An actual given for an indicator id that the indicator set does not have.</summary>
    public const string UnknownIndicator = "PE2001";

    /// <summary>Actuals written for another indicator set.</summary>
    public const string IndicatorSetMismatch = "PE2002";

    /// <summary>An indicator without an actual.</summary>
    public const string MissingActual = "PE2003";

    /// <summary>Source amounts that do not add up to the stated available budget.</summary>
    public const string SourcesTotalMismatch = "PE2004";

    /// <summary>Expenditure amounts that do not add up to the stated spending.</summary>
    public const string ExpendituresTotalMismatch = "PE2005";

    /// <summary>A budget line id that the indicator set does not declare.</summary>
    public const string UnknownBudgetLine = "PE2006";

    /// <summary>An actual that cannot be compared with its target (text for a number, …).</summary>
    public const string ActualNotComparable = "PE2007";

    /// <summary>A qualitative indicator whose grade was neither given nor evident from the actual.</summary>
    public const string GradeRequired = "PE2008";

    /// <summary>Weights that do not add up to the policy's total.</summary>
    public const string WeightsDoNotAddUp = "PE2009";

    /// <summary>Spending above the available budget.</summary>
    public const string OverSpent = "PE2010";

    /// <summary>An indicator's computed actual could not be evaluated (a missing input, a division by zero, …).</summary>
    public const string ExpressionFailed = "PE2011";

    /// <summary>No available budget (A) or spending (B) was given, neither as totals nor as items.</summary>
    public const string BudgetMissing = "PE2012";

    /// <summary>A negative actual, counted as zero.</summary>
    public const string NegativeActual = "PE2013";

    /// <summary>A preparer's score outside the band of its qualitative grade, or above the weight.</summary>
    public const string ScoreOutOfBand = "PE2014";

    /// <summary>Explicit weights in a level that exceed the points the policy gives that level.</summary>
    public const string LevelPointsExceeded = "PE2015";

    /// <summary>A stated actual that disagrees with the actual computed from its inputs.</summary>
    public const string ComputedActualMismatch = "PE2016";

    /// <summary>An actual for an indicator marked not applicable.</summary>
    public const string NotApplicableWithActual = "PE2017";

    /// <summary>Indicators without weights in a level-1 group that the scoring policy gives no points.</summary>
    public const string NoLevelPoints = "PE2018";

    /// <summary>Weights rescaled because weighted indicators do not apply this year.</summary>
    public const string WeightsRescaled = "PE2019";

    /// <summary>Actuals for another year than the indicator set's.</summary>
    public const string YearMismatch = "PE2022";

    /// <summary>Weights that add up to more than the policy's total points, or a total score above them: the total cannot be right.</summary>
    public const string WeightsExceedTotal = "PE2023";

    /// <summary>Spending (B) with an available budget (A) of 0: no execution rate exists.</summary>
    public const string SpentWithoutBudget = "PE2024";

    /// <summary>An actual in words for a numeric or range target, with neither a grade nor a score to judge it by.</summary>
    public const string WordsNeedGrade = "PE2025";
    /// <summary>The sources' initial budgets or spending that do not add up to the budget's initial total or spending.</summary>
    public const string SourcesFigureMismatch = "PE2026";

    /// <summary>A figure beyond what a decimal holds (a sum or ratio of enormous or tiny numbers); it is not computed.</summary>
    public const string FigureOutOfRange = "PE2021";

    /// <summary>A deduction (扣分) given where the scoring policy allows none; it is ignored.</summary>
    public const string DeductionNotAllowed = "PE2020";

    /// <summary>A deviation that must be explained (points lost, large over-achievement, low budget execution) has no reason.</summary>
    public const string ExplanationMissing = "PE3001";

    /// <summary>A consistency rule that does not hold (the default code; a rule may name its own).</summary>
    public const string ConsistencyRuleFailed = "PE3002";

    /// <summary>A figure the report states that disagrees with the recomputed one at the stated figure's precision.</summary>
    public const string StatedFigureDisagrees = "PE4001";

    /// <summary>Shares that the report forced to add up to 100 %.</summary>
    public const string SharesForced = "PE4002";

    /// <summary>A stated total that contradicts its detail rows (a total left at 0, parts that do not add up).</summary>
    public const string TotalContradictsDetail = "PE4003";

    /// <summary>A stated score above the indicator's weight.</summary>
    public const string ScoreAboveWeight = "PE4004";

    /// <summary>A stated score of a qualitative indicator outside the band of its grade.</summary>
    public const string StatedScoreOutOfBand = "PE4005";

    /// <summary>A stated score below the weight for an indicator that met its target.</summary>
    public const string MetButScoredBelowWeight = "PE4006";

    /// <summary>A conclusion that contradicts the results ("all targets fully met" next to unmet indicators).</summary>
    public const string ConclusionContradicts = "PE4007";

    /// <summary>A stated figure for an indicator or budget line the set does not have.</summary>
    public const string StatedUnknownItem = "PE4008";

    /// <summary>A stated total or subtotal score that its stated parts (the budget's and each indicator's score, or the subtotals) do not add up to, by more than their rounding explains.</summary>
    public const string StatedScoresDoNotAddUp = "PE4009";

    /// <summary>An output file that cannot be written (no such folder, a folder or a device in its place, a full disk); reported by the <c>perfeval</c> command.</summary>
    public const string UnwritableOutput = "PE5001";

    /// <summary>A submitted table file (.xlsx, .xls, .docx, .html, .pdf) of a review that no importer reads; it is not reviewed.</summary>
    public const string TableNotImportable = "PE7001";

    /// <summary>A reason or consistency rule that could not be evaluated (a division by zero, an overflow).</summary>
    public const string RuleFailed = "PE3003";

    /// <summary>A submitted file that cannot be read as the format it claims (a damaged workbook, a document that is not one); reported by PerfEval.Import.</summary>
    public const string ImportUnreadable = "PE6001";

    /// <summary>A submitted file in which no self-evaluation table was found (no row carries the indicator block's column headers).</summary>
    public const string ImportNoTable = "PE6002";

    /// <summary>A cell of a submitted table that belongs to no column or block of the self-evaluation table, and was not imported.</summary>
    public const string ImportUnplacedCell = "PE6003";

    /// <summary>An indicator row of a submitted table whose level-1 or level-2 group is not one of the known groups; the row was not imported.</summary>
    public const string ImportUnknownLevel = "PE6004";

    /// <summary>A cell of a submitted table that must hold a number (a weight, a score, an amount, a rate) and does not.</summary>
    public const string ImportNotANumber = "PE6005";

    /// <summary>An indicator row of a submitted table without a target that can be read; the row was not imported.</summary>
    public const string ImportMissingTarget = "PE6006";

    /// <summary>A submitted table that states no year, when none was given to the importer.</summary>
    public const string ImportMissingYear = "PE6007";

    /// <summary>A submitted table without a programme name.</summary>
    public const string ImportMissingName = "PE6008";

    /// <summary>A qualitative indicator without a grade word, whose grade was taken from its stated score.</summary>
    public const string ImportGradeFromScore = "PE6009";

    /// <summary>A PDF without a text layer (a scanned image), whose table cannot be read.</summary>
    public const string ImportNoTextLayer = "PE6010";

    /// <summary>A submitted target that lists several standards, imported as wording to judge by (comparison qualitative).</summary>
    public const string ImportSeveralStandards = "PE6011";
    /// <summary>A kind of indicator the target-review checklist requires for the programme type is missing (no cost indicator, no benefit indicator, no satisfaction indicator where there are service recipients).</summary>
    public const string RequiredKindMissing = "PE8001";

    /// <summary>An indicator of a kind the checklist says can be quantified has a qualitative target.</summary>
    public const string TargetNotQuantified = "PE8002";

    /// <summary>A numeric target without a unit of measure.</summary>
    public const string UnitMissing = "PE8003";

    /// <summary>A comparison the checklist does not allow for the indicator's kind (a cost that is a floor, a satisfaction rate that is a cap).</summary>
    public const string ComparisonNotMeaningful = "PE8004";

    /// <summary>A target that asks for less than the previous year's actual (set low).</summary>
    public const string TargetBelowPreviousActual = "PE8005";

    /// <summary>A programme type the checklist does not define.</summary>
    public const string UnknownProgrammeType = "PE8006";

    /// <summary>A level-1 group the indicator tree the checklist follows does not have (cost as level 1 under the 2020 tree).</summary>
    public const string LevelOutsideChecklistTree = "PE8007";

    /// <summary>Monitoring actuals without an as-of date.</summary>
    public const string AsOfMissing = "PE8101";

    /// <summary>An as-of date outside the indicator set's year.</summary>
    public const string AsOfOutsideYear = "PE8102";

    /// <summary>An indicator whose target may not be reached, without a reason or a correction.</summary>
    public const string MonitoringReasonMissing = "PE8103";

    /// <summary>A monitoring reason outside the fixed categories (经费保障, 制度保障, 人员保障, 硬件条件保障, 其他).</summary>
    public const string MonitoringReasonCategory = "PE8104";

    /// <summary>Budget execution behind the time elapsed.</summary>
    public const string BudgetBehindSchedule = "PE8105";
}

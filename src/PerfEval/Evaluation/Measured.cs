using PerfEval.Indicators;

namespace PerfEval.Evaluation;

/// <summary>A numeric actual as the policy's variants see it: the indicator's group and target, the value, and whether it was written as a percentage.</summary>
internal readonly record struct Measured(Level2 Level2, Target Target, decimal Value, bool ActualIsPercent);

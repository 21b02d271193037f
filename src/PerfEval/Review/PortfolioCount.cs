namespace PerfEval.Review;

/// <summary>One bar of a portfolio chart: what is counted and how many.</summary>
/// <param name="Key">A stable key: a grade's code, a code such as PE4001, or a band's lower bound.</param>
/// <param name="Label">The label for readers, in the review's language.</param>
/// <param name="Count">How many.</param>
public sealed record PortfolioCount(string Key, string Label, int Count);

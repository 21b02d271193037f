using PerfEval.Evaluation;
using PerfEval.Review;

namespace Samples;

public static class PortfolioReviewSample
{
    /// <summary>Reviews every submission in a folder and writes the summary page and the findings; true when any has errors.</summary>
    public static bool ReviewFolder(string folder, string outputFolder, ISubmissionImporter? importer)
    {
        var submissions = SubmissionFinder.Find(folder, [outputFolder]);   // rule folders and table files, recursively
        var options = new ReviewOptions { Importer = importer };           // without one, table files get PE7001
        List<SubmissionReview> reviews = [.. PortfolioReview.Run(new Evaluator(), submissions, options)];

        PortfolioSummary summary = PortfolioSummary.From(reviews);          // grades, execution rates, completion by kind, codes
        Directory.CreateDirectory(Path.Combine(outputFolder, ReviewWriters.PagesFolder));
        File.WriteAllText(Path.Combine(outputFolder, ReviewWriters.SummaryPage), ReviewWriters.SummaryHtml(summary, reviews));
        foreach (var review in reviews)
        {
            File.WriteAllText(Path.Combine(outputFolder, ReviewWriters.AuditPage(review.Index)), ReviewWriters.AuditHtml(review));
            if (ReviewWriters.TableHtml(review) is { } table)
            {
                File.WriteAllText(Path.Combine(outputFolder, ReviewWriters.TablePage(review.Index)), table);
            }
        }

        File.WriteAllText(Path.Combine(outputFolder, "findings.csv"), ReviewWriters.FindingsCsv(reviews.SelectMany(ReviewFinding.Of)));
        return summary.HasErrors;
    }
}

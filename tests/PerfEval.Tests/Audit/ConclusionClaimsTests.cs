using FluentAssertions;
using PerfEval.Audit;

namespace PerfEval.Tests.Audit;

/// <summary>How a conclusion that claims every target was met is told from one that does not: phrases, patterns and negations.</summary>
public sealed class ConclusionClaimsTests
{
    [Theory]
    [InlineData("未能全面完成", false)]
    [InlineData("目标未能按期全面完成", false)]
    [InlineData("未来五年内全面完成", true)]
    public void A_negation_counts_up_to_four_characters_before_the_claim(string conclusion, bool claims)
    {
        // 未 four characters before 全面完成 negates it; five before (未来, the future) does not.
        ConclusionClaims.Default.Claims(conclusion).Should().Be(claims);
    }

    [Fact]
    public void A_claim_made_again_after_a_negated_one_still_counts()
    {
        ConclusionClaims.Default.Claims("上半年未全面完成，至年底已全面完成").Should().BeTrue();
        ConclusionClaims.Default.Claims("上半年未全面完成，年底仍未全面完成").Should().BeFalse();
    }

    [Theory]
    [InlineData("ALL TARGETS WERE MET.", true)]
    [InlineData("Not all targets were met.", false)]
    [InlineData("The targets were fully achieved.", true)]
    public void English_phrases_are_matched_whatever_their_case_and_not_after_not(string conclusion, bool claims)
    {
        ConclusionClaims.Default.Claims(conclusion).Should().Be(claims);
    }

    [Fact]
    public void A_pattern_matches_whatever_the_case_and_a_negation_cancels_it()
    {
        var claims = new ConclusionClaims { Patterns = ["ALL (DONE|FINISHED)"], Negations = ["not"] };

        claims.Claims("Work: all finished.").Should().BeTrue();
        claims.Claims("Work: not all done.").Should().BeFalse();
        claims.Claims("Work: some done.").Should().BeFalse();
        claims.Patterns.Should().Equal("ALL (DONE|FINISHED)");
    }

    [Fact]
    public void Claims_without_phrases_or_patterns_find_no_claim()
    {
        new ConclusionClaims().Claims("各项绩效指标均按要求完成").Should().BeFalse();
    }

    [Fact]
    public void Added_phrases_are_trimmed_and_blank_or_repeated_ones_left_out()
    {
        var extended = ConclusionClaims.Default.WithPhrases([" 圆满收官 ", "", "   ", "全面完成", "圆满收官"]);

        extended.Phrases.Should().Equal([.. ConclusionClaims.Default.Phrases, "圆满收官"]);
        extended.Patterns.Should().Equal(ConclusionClaims.Default.Patterns);
        extended.Negations.Should().Equal(ConclusionClaims.Default.Negations);
        extended.Claims("年度任务圆满收官").Should().BeTrue();
        ConclusionClaims.Default.Claims("年度任务圆满收官").Should().BeFalse("the default claims are left as they were");
    }
}

using EcomOrleans.Training.Intent;

namespace EcomOrleans.Training.Tests.Intent;

public sealed class ChallengeSetTests
{
    private static readonly string[] Labels = ["cancel_order", "track_order"];

    private static readonly ChallengeSet.Message[] Messages =
    [
        new("cancel it", ["cancel_order"], "short"),
        new("where is it", ["track_order"], "short"),
        new("what's the weather", [ChallengeSet.OutOfScope], "out-of-scope"),
    ];

    private static readonly float[][] Probabilities = [[0.9f, 0.1f], [0.2f, 0.8f], [0.95f, 0.05f]];

    [Fact]
    public void Score_ProbabilityRuleOnly_AnswersAConfidentOutOfScopeMessage()
    {
        var result = ChallengeSet.Score(Messages, Probabilities, Labels, threshold: 0.7);

        Assert.Equal((2, 2, 1, 0), ((int)result["answeredAboveThreshold"]!, (int)result["answeredRight"]!, (int)result["outOfScope"]!, (int)result["outOfScopeFallback"]!));
    }

    [Fact]
    public void Score_WithTheInScopeRule_SendsWhatIsFarFromEveryIntentToTheFallback()
    {
        // The second message is near enough; the out-of-scope one is not, whatever its probability.
        var result = ChallengeSet.Score(Messages, Probabilities, Labels, threshold: 0.7, inScope: [0.6f, 0.2f, 0.1f], inScopeThreshold: 0.3);

        Assert.Equal((1, 1, 1), ((int)result["answeredAboveThreshold"]!, (int)result["answeredRight"]!, (int)result["outOfScopeFallback"]!));
        Assert.Equal(1.0, (double)result["accuracy"]!);
    }
}

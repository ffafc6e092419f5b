using EcomOrleans.Models.Intent;
using EcomOrleans.Training.Intent;
using EcomOrleans.Training.Onnx;
using static TorchSharp.torch;

namespace EcomOrleans.Training.Tests.Intent;

public sealed class IntentHeadTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(9, 0)]
    [InlineData(9, 64)]
    public void ExportOnnx_Embeddings_MatchTorchSharpWithin1e5(int batch, int hidden)
    {
        random.manual_seed(11);
        using var head = new IntentHead(27, hidden);
        head.eval();
        var rng = new Random(batch);
        var embeddings = Enumerable.Range(0, batch * SentenceEncoderContract.Dimension).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();

        float[] expected;
        using (no_grad())
        {
            expected = head.forward(tensor(embeddings, [batch, SentenceEncoderContract.Dimension])).data<float>().ToArray();
        }

        using var runner = new OnnxRunner(head.ExportOnnx(new Dictionary<string, string>(), 1).ToByteArray());
        var (actual, shape) = runner.Run(IntentContract.Logits, (SentenceEncoderContract.Embedding, OnnxInput.Float(embeddings, batch, SentenceEncoderContract.Dimension)));

        Assert.Equal([batch, 27L], shape);
        TestInputs.AssertClose(expected, actual, 1e-5f);
    }

    [Fact]
    public void Average_LinearHeads_AnswersTheMeanOfTheirLogits()
    {
        random.manual_seed(5);
        using var a = new IntentHead(4);
        using var b = new IntentHead(4);
        using var c = new IntentHead(4);
        var rng = new Random(3);
        var embeddings = Enumerable.Range(0, 6 * SentenceEncoderContract.Dimension).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();
        float[] Logits(IntentHead head)
        {
            using var noGrad = no_grad();
            return head.forward(tensor(embeddings, [6, SentenceEncoderContract.Dimension])).data<float>().ToArray();
        }

        var (la, lb, lc) = (Logits(a), Logits(b), Logits(c));

        IntentHeadTrainer.Average(a, [b, c]);

        TestInputs.AssertClose([.. la.Select((v, i) => (v + lb[i] + lc[i]) / 3)], Logits(a), 1e-5f);
        Assert.NotEqual(la, Logits(a));
    }

    [Fact]
    public void Average_HeadWithAHiddenLayer_IsRefused()
    {
        using var linear = new IntentHead(4);
        using var hidden = new IntentHead(4, hidden: 8);

        var error = Assert.Throws<ArgumentException>(() => IntentHeadTrainer.Average(linear, [hidden]));

        Assert.Equal("Only linear heads (no hidden layer) can be averaged into one. (Parameter 'others')", error.Message);
    }

    [Fact]
    public void Train_WithOutliers_IsLessSureOfThemThanWithout()
    {
        // Three intents around three directions; outliers leaning toward the first intent's but along a fourth
        // direction none of them owns, so a head trained without them is fairly sure they are the first intent.
        const int d = SentenceEncoderContract.Dimension;
        var rng = new Random(5);
        float[] Around(int rows, params (int Axis, float Length)[] at) => [.. Enumerable.Range(0, rows).SelectMany(_ =>
            Enumerable.Range(0, d).Select(i => at.Where(a => a.Axis == i).Sum(a => a.Length) + (float)((rng.NextDouble() - 0.5) * 0.2)))];
        var x = Enumerable.Range(0, 3).SelectMany(c => Around(40, (c, 1f))).ToArray();
        var y = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Repeat((long)c, 40)).ToArray();
        var outliers = Around(40, (0, 0.7f), (3, 1f));
        var options = new IntentHeadTrainer.Options(Epochs: 60, BatchSize: 16, LearningRate: 0.05, Seed: 1);

        var (plain, _, _, _) = IntentHeadTrainer.Train((x, y), (x, y), 3, options, CPU);
        var (exposed, _, _, _) = IntentHeadTrainer.Train((x, y), (x, y), 3, options with { OutlierWeight = 1 }, CPU, outliers);

        double MeanTop(IntentHead head, float[] rows) => IntentHeadTrainer.Probabilities(head, rows, CPU).Average(p => p.Max());
        Assert.True(MeanTop(exposed, outliers) < MeanTop(plain, outliers) - 0.1, $"{MeanTop(exposed, outliers)} against {MeanTop(plain, outliers)}");
        Assert.Equal(1.0, IntentHeadTrainer.Score(exposed, (x, y), 3, CPU).Accuracy);
    }

    [Fact]
    public void ExportOnnx_WithCentroids_AnswersTheLargestSimilarityToOne()
    {
        random.manual_seed(4);
        using var head = new IntentHead(3);
        const int d = SentenceEncoderContract.Dimension;
        var rng = new Random(8);
        var centroids = Enumerable.Range(0, 3 * d).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var embeddings = Enumerable.Range(0, 2 * d).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        var expected = Enumerable.Range(0, 2).Select(r => Enumerable.Range(0, 3)
            .Max(c => Enumerable.Range(0, d).Sum(j => (double)embeddings[(r * d) + j] * centroids[(c * d) + j]))).Select(v => (float)v).ToArray();

        using var runner = new OnnxRunner(head.ExportOnnx(new Dictionary<string, string>(), 1, centroids).ToByteArray());
        var (actual, shape) = runner.Run(IntentContract.InScope, (SentenceEncoderContract.Embedding, OnnxInput.Float(embeddings, 2, d)));

        Assert.Equal([2L], shape);
        TestInputs.AssertClose(expected, actual, 1e-4f);
    }

    [Fact]
    public void Keywords_DropsFunctionWordsAndSlots_KeepsTheFirstFour()
    {
        Assert.Equal("cancel order", IntentAugmentation.Keywords("I want to cancel my order {{Order Number}} please"));
        Assert.Equal("change shipping address today", IntentAugmentation.Keywords("How can I change the shipping address today, for my last order?"));
    }

    [Fact]
    public void Casual_LowerCaseWithoutPunctuationOrSlots_WithChatContractions()
    {
        Assert.Equal("id like to cancel order pls", IntentAugmentation.Casual("I would like to cancel order {{Order Number}}, please!"));
        Assert.Equal("can u gimme the invoice", IntentAugmentation.Casual("Can you give me the invoice?"));
        Assert.Equal("wanna know if u r open", IntentAugmentation.Casual("I want to know if you are open"));
    }

    [Fact]
    public void Augment_Casual_AddsAChatCopyOnlyWhereItDiffers()
    {
        LabelledUtterance[] rows = [new("Can you give me the invoice?", "get_invoice", "BI"), new("refund", "get_refund", "BK")];

        var copies = IntentAugmentation.Augment(rows, 3, casual: true).ToList();

        Assert.Equal(["BI+typos", "BI+keywords", "BI+casual", "BK+typos", "BK+keywords"], copies.Select(r => r.Flags));
        Assert.Equal("can u gimme the invoice", copies[2].Text);
    }

    [Fact]
    public void Augment_SameSeed_WritesTheSameCopies_WithTheirFlagsMarked()
    {
        LabelledUtterance[] rows = [new("I need to track my order", "track_order", "BL"), new("how do I get a refund?", "get_refund", "BI")];

        var first = IntentAugmentation.Augment(rows, 3).ToList();
        var second = IntentAugmentation.Augment(rows, 3).ToList();

        Assert.Equal(first, second);
        Assert.Equal(["BL+typos", "BL+keywords", "BI+typos", "BI+keywords"], first.Select(r => r.Flags));
        Assert.Equal(["track_order", "track_order", "get_refund", "get_refund"], first.Select(r => r.Intent));
        Assert.Equal("track order", first[1].Text);
        Assert.Equal("refund", first[3].Text);
    }

    [Fact]
    public void SplitByOpening_RowsThatOpenAlike_StayOnOneSide()
    {
        var rows = Enumerable.Range(0, 400).Select(i => new LabelledUtterance($"opening{i % 40} words then row {i}", "x")).ToList();

        var (kept, heldOut) = IntentDataset.SplitByOpening(rows, 0.2, 42);

        Assert.Equal(400, kept.Count + heldOut.Count);
        Assert.NotEmpty(heldOut);
        Assert.NotEmpty(kept);
        Assert.Empty(kept.Select(r => IntentDataset.Opening(r.Text)).Intersect(heldOut.Select(r => IntentDataset.Opening(r.Text))));
    }

    [Fact]
    public void ChallengeSet_Committed_Has300MessagesEveryOneNamingABitextIntentOrOutOfScope()
    {
        var messages = ChallengeSet.Load(Path.Combine(TestPaths.RepositoryRoot, "tests", "data", "intent-challenge.csv"));
        var bitext = new HashSet<string>(StringComparer.Ordinal)
        {
            "cancel_order", "change_order", "change_shipping_address", "check_cancellation_fee", "check_invoices", "check_payment_methods", "check_refund_policy",
            "complaint", "contact_customer_service", "contact_human_agent", "create_account", "delete_account", "delivery_options", "delivery_period", "edit_account",
            "get_invoice", "get_refund", "newsletter_subscription", "payment_issue", "place_order", "recover_password", "registration_problems", "review",
            "set_up_shipping_address", "switch_account", "track_order", "track_refund", ChallengeSet.OutOfScope,
        };

        Assert.Equal(300, messages.Count);
        Assert.All(messages, m => Assert.All(m.Intents, i => Assert.Contains(i, bitext)));
        Assert.Equal(20, messages.Count(m => !m.InScope));
    }
}

using EcomOrleans.Merchandising.Pricing;
using EcomOrleans.Merchandising.Statistics;

namespace EcomOrleans.Training.Pricing;

/// <summary>
/// The elasticity estimator on Dominick's orange juice: Taddy's pooled regressions reproduced with the same least-squares
/// code, the estimator's per-brand fits, a thin-data shrinkage demonstration, and log-unit error at held-out prices.
/// </summary>
internal static class ElasticityEvaluation
{
    /// <summary>The interval level everywhere in the report.</summary>
    public const double ConfidenceLevel = 0.9;

    /// <summary>Store-weeks per brand in the thin samples of the shrinkage demonstration.</summary>
    public static readonly IReadOnlyList<int> SampleSizes = [10, 20, 50];

    /// <summary>Share of each brand's distinct price levels held out of the fits for the out-of-sample error.</summary>
    public const double HeldOutPriceShare = 0.2;

    private static readonly ElasticityEstimator WithFeature = new(new ElasticityOptions(ConfidenceLevel: ConfidenceLevel));
    private static readonly ElasticityEstimator WithInteraction = new(new ElasticityOptions(PromotionInteraction: true, ConfidenceLevel: ConfidenceLevel));

    public static ElasticityReport Evaluate(IReadOnlyList<OjRow> rows, int seed, int repetitions)
    {
        var unknown = rows.Select(r => r.Brand).Distinct().Except(OjReader.Brands).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"Unknown brand(s) {string.Join(", ", unknown)}; expected {string.Join(", ", OjReader.Brands)}.");
        }

        var byBrand = OjReader.Brands.ToDictionary(b => b, b => rows.Where(r => r.Brand == b).ToArray());
        List<CoefficientRow> coefficients = [.. Pooled(rows), .. PerBrandPooled(rows), .. FeatureInteraction(rows), .. Estimator(byBrand)];
        return new ElasticityReport(coefficients, Shrinkage(byBrand, seed, repetitions), HoldOut(byBrand, seed), rows.Count, seed);
    }

    /// <summary>(a) log(sales) ~ log(price) + brand (Taddy: −3.14).</summary>
    private static IEnumerable<CoefficientRow> Pooled(IReadOnlyList<OjRow> rows)
    {
        var fit = LeastSquares.Fit([.. rows.Select(r => (double[])[.. BrandDummies(r), Math.Log(r.Price)])], LogSales(rows));
        yield return Row("pooled", "log(sales) ~ brand + log(price)", "all", fit, 3);
    }

    /// <summary>(b) log(sales) ~ brand + brand:log(price) (Taddy: −3.38, −3.32, −2.71).</summary>
    private static IEnumerable<CoefficientRow> PerBrandPooled(IReadOnlyList<OjRow> rows)
    {
        var fit = LeastSquares.Fit([.. rows.Select(r => (double[])[.. BrandDummies(r), .. BrandDummies(r).Select(d => d * Math.Log(r.Price))])], LogSales(rows));
        return OjReader.Brands.Select((b, i) => Row("per brand", "log(sales) ~ brand + brand:log(price)", b, fit, 3 + i));
    }

    /// <summary>(c) log(sales) ~ log(price) * brand * feat: each brand's slope without and with the feature.</summary>
    private static IEnumerable<CoefficientRow> FeatureInteraction(IReadOnlyList<OjRow> rows)
    {
        // Per brand: intercept, log price, feat, feat × log price, so columns 4i .. 4i + 3.
        var fit = LeastSquares.Fit([.. rows.Select(r => (double[])[.. BrandDummies(r).SelectMany(d =>
        {
            var (x, f) = (Math.Log(r.Price), r.Featured ? 1.0 : 0.0);
            return new[] { d, d * x, d * f, d * f * x };
        })])], LogSales(rows));
        var t = StudentT.Quantile(0.5 + (ConfidenceLevel / 2), fit.DegreesOfFreedom);
        for (var i = 0; i < OjReader.Brands.Count; i++)
        {
            var (price, interaction) = ((4 * i) + 1, (4 * i) + 3);
            yield return Row("feature", "log(sales) ~ log(price) * brand * feat, not featured", OjReader.Brands[i], fit, price);
            var slope = fit.Coefficients[price] + fit.Coefficients[interaction];
            var se = Math.Sqrt(fit.Covariance(price, price) + fit.Covariance(interaction, interaction) + (2 * fit.Covariance(price, interaction)));
            yield return new CoefficientRow("feature", "log(sales) ~ log(price) * brand * feat, featured", OjReader.Brands[i], slope, se, slope - (t * se), slope + (t * se), fit.Observations);
        }
    }

    /// <summary>(d) The estimator on each brand's rows alone: plain (feature ignored), with the feature, with its interaction.</summary>
    private static IEnumerable<CoefficientRow> Estimator(Dictionary<string, OjRow[]> byBrand)
    {
        foreach (var (brand, rows) in byBrand)
        {
            yield return Row("estimator", "own OLS, no controls", brand, WithFeature.Fit([.. rows.Select(r => r.ToObservation(withFeature: false))]));
            yield return Row("estimator", "own OLS + feature", brand, WithFeature.Fit([.. rows.Select(r => r.ToObservation())]));
            var interaction = WithInteraction.Fit([.. rows.Select(r => r.ToObservation())]);
            yield return Row("estimator", "own OLS + feature x price, not featured", brand, interaction);
            var (slope, se) = (interaction.PromotedElasticity!.Value, interaction.PromotedElasticityStandardError!.Value);
            var t = StudentT.Quantile(0.5 + (ConfidenceLevel / 2), interaction.Regression.DegreesOfFreedom);
            yield return new CoefficientRow("estimator", "own OLS + feature x price, featured", brand, slope, se, slope - (t * se), slope + (t * se), interaction.Observations);
        }
    }

    /// <summary>
    /// (e) For each sample size, <paramref name="repetitions"/> times: draw that many store-weeks of each brand, fit each
    /// brand's own OLS (with the feature), compute the category prior from those three thin fits, shrink each toward it,
    /// and compare both with the brand's full-data fit.
    /// </summary>
    private static List<ShrinkageRow> Shrinkage(Dictionary<string, OjRow[]> byBrand, int seed, int repetitions)
    {
        var full = byBrand.ToDictionary(b => b.Key, b => WithFeature.Fit([.. b.Value.Select(r => r.ToObservation())]).Elasticity);
        var result = new List<ShrinkageRow>();
        foreach (var size in SampleSizes)
        {
            var random = new Random(seed + size);
            var errors = OjReader.Brands.ToDictionary(b => b, _ => new List<(double Own, double Shrunk, double Weight, bool OwnCovers, bool ShrunkCovers)>());
            for (var repetition = 0; repetition < repetitions; repetition++)
            {
                var samples = OjReader.Brands.Select(b => Sample(byBrand[b], size, random)).ToArray();
                ElasticityFit[] fits;
                try
                {
                    fits = [.. samples.Select(s => WithFeature.Fit([.. s.Select(r => r.ToObservation())]))];
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // A draw whose prices never vary, or vary only with the feature: no slope to fit, for own OLS or the prior.
                    continue;
                }

                var prior = CategoryPrior.FromFits(fits);
                for (var i = 0; i < fits.Length; i++)
                {
                    var shrunk = ElasticityEstimator.Shrink(fits[i], prior, ConfidenceLevel);
                    var target = full[OjReader.Brands[i]];
                    errors[OjReader.Brands[i]].Add((fits[i].Elasticity - target, shrunk.Elasticity - target, shrunk.OwnWeight,
                        fits[i].Lower <= target && target <= fits[i].Upper, shrunk.Lower <= target && target <= shrunk.Upper));
                }
            }

            foreach (var brand in OjReader.Brands)
            {
                var e = errors[brand];
                result.Add(new ShrinkageRow(brand, size, e.Count, full[brand], Rms(e.Select(x => x.Own)), Rms(e.Select(x => x.Shrunk)), e.Average(x => x.Weight),
                    e.Average(x => x.OwnCovers ? 1.0 : 0), e.Average(x => x.ShrunkCovers ? 1.0 : 0)));
            }
        }

        return result;
    }

    /// <summary>
    /// (f) Holds out a random fifth of each brand's distinct prices (seeded), fits on the rows at the other prices, and
    /// scores predicted log units on the held-out rows: an interpolation test of the price response, not of the level.
    /// </summary>
    private static List<HoldOutRow> HoldOut(Dictionary<string, OjRow[]> byBrand, int seed)
    {
        var random = new Random(seed);
        var heldPrices = byBrand.ToDictionary(b => b.Key, b =>
        {
            var levels = b.Value.Select(r => r.Price).Distinct().Order().ToArray();
            random.Shuffle(levels);
            return levels.Take((int)Math.Round(HeldOutPriceShare * levels.Length)).ToHashSet();
        });
        bool Held(OjRow r) => heldPrices[r.Brand].Contains(r.Price);
        var train = byBrand.Values.SelectMany(rows => rows.Where(r => !Held(r))).ToArray();

        var pooled = LeastSquares.Fit([.. train.Select(PooledRow)], LogSales(train));
        var own = byBrand.ToDictionary(b => b.Key, b => WithFeature.Fit([.. b.Value.Where(r => !Held(r)).Select(r => r.ToObservation())]));
        var prior = CategoryPrior.FromFits([.. own.Values]);
        var shrunk = own.ToDictionary(o => o.Key, o => ElasticityEstimator.Shrink(o.Value, prior, ConfidenceLevel).Elasticity);

        var scored = byBrand.Values.SelectMany(rows => rows.Where(Held)).Select(r =>
        {
            var y = Math.Log(r.Sales);
            var observation = r.ToObservation();
            return (r.Brand, Pooled: y - pooled.Predict(PooledRow(r)), Own: y - own[r.Brand].PredictLogUnits(observation),
                Shrunk: y - own[r.Brand].PredictLogUnits(observation, shrunk[r.Brand]));
        }).ToArray();
        HoldOutRow Score(string brand, int prices, IReadOnlyCollection<(string Brand, double Pooled, double Own, double Shrunk)> s) =>
            new(brand, prices, s.Count, Rms(s.Select(x => x.Pooled)), Rms(s.Select(x => x.Own)), Rms(s.Select(x => x.Shrunk)));
        return
        [
            .. OjReader.Brands.Select(b => Score(b, heldPrices[b].Count, [.. scored.Where(s => s.Brand == b)])),
            Score("all", heldPrices.Values.Sum(h => h.Count), scored),
        ];
    }

    /// <summary>The pooled model of the hold-out: brand intercepts, one log-price slope, one feature effect.</summary>
    private static double[] PooledRow(OjRow r) => [.. BrandDummies(r), Math.Log(r.Price), r.Featured ? 1 : 0];

    private static double[] BrandDummies(OjRow r) => [.. OjReader.Brands.Select(b => b == r.Brand ? 1.0 : 0.0)];

    private static double[] LogSales(IEnumerable<OjRow> rows) => [.. rows.Select(r => Math.Log(r.Sales))];

    /// <summary><paramref name="size"/> rows drawn without replacement (a partial Fisher-Yates shuffle of the indices).</summary>
    private static OjRow[] Sample(OjRow[] rows, int size, Random random)
    {
        var indices = Enumerable.Range(0, rows.Length).ToArray();
        var sample = new OjRow[size];
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
            sample[i] = rows[indices[i]];
        }

        return sample;
    }

    private static double Rms(IEnumerable<double> errors) => Math.Sqrt(errors.Average(e => e * e));

    private static CoefficientRow Row(string section, string model, string brand, LeastSquaresFit fit, int column)
    {
        var t = StudentT.Quantile(0.5 + (ConfidenceLevel / 2), fit.DegreesOfFreedom);
        var (b, se) = (fit.Coefficients[column], fit.StandardErrors[column]);
        return new CoefficientRow(section, model, brand, b, se, b - (t * se), b + (t * se), fit.Observations);
    }

    private static CoefficientRow Row(string section, string model, string brand, ElasticityFit fit) =>
        new(section, model, brand, fit.Elasticity, fit.StandardError, fit.Lower, fit.Upper, fit.Observations);
}

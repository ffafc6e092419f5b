using System.CommandLine;
using EcomOrleans.Training.Pricing;
using Spectre.Console;

namespace EcomOrleans.Training.Cli;

/// <summary><c>evaluate elasticity</c>: the merchandising project's elasticity estimator on Dominick's orange juice.</summary>
internal static class PricingCommands
{
    public static Command Evaluate()
    {
        var data = CliOptions.Data("Taddy's oj.csv (No,sales,price,brand,feat): weekly store sales of three orange juice brands.");
        var json = CliOptions.Json();
        var seed = CliOptions.Seed();
        var repetitions = CliOptions.Value("--repetitions", 500, "Thin samples drawn per sample size in the shrinkage demonstration");
        var plot = new Option<FileInfo?>("--plot") { Description = "Also draw each brand's elasticity with its interval to this PNG." };
        var command = new Command("elasticity",
            "Price elasticity on orange juice: Taddy's pooled regressions, the estimator per brand, shrinkage on thin samples, and log-unit error at held-out prices.")
        {
            data, json, seed, repetitions, plot,
        };
        command.SetAction(parse =>
        {
            var report = ElasticityEvaluation.Evaluate(OjReader.Load(parse.GetValue(data)!.FullName), parse.GetValue(seed), parse.GetValue(repetitions));
            if (parse.GetValue(plot) is { } png)
            {
                ElasticityPlot.Save(report, png.FullName);
            }

            if (parse.GetValue(json))
            {
                CliOptions.Print(report.ToJson(), true, new Table());
                return 0;
            }

            var coefficients = new Table().AddColumns("section", "model", "brand", "elasticity", "se", "90 % interval", "n");
            foreach (var c in report.Coefficients)
            {
                coefficients.AddRow(c.Section, Markup.Escape(c.Model), c.Brand, $"{c.Elasticity:F3}", $"{c.StandardError:F3}", Markup.Escape($"[{c.Lower:F3}, {c.Upper:F3}]"), $"{c.Observations}");
            }

            var shrinkage = new Table().AddColumns("brand", "weeks drawn", "draws", "full-data b", "own RMSE", "shrunk RMSE", "mean own weight", "own coverage", "shrunk coverage");
            foreach (var s in report.Shrinkage)
            {
                shrinkage.AddRow(s.Brand, $"{s.SampleSize}", $"{s.Repetitions}", $"{s.FullElasticity:F3}", $"{s.OwnRmse:F3}", $"{s.ShrunkRmse:F3}", $"{s.MeanOwnWeight:F2}",
                    $"{s.OwnCoverage:P0}", $"{s.ShrunkCoverage:P0}");
            }

            var holdOut = new Table().AddColumns("brand", "held-out prices", "held-out rows", "pooled RMSE", "estimator RMSE", "shrunk RMSE");
            foreach (var h in report.HoldOut)
            {
                holdOut.AddRow(h.Brand, $"{h.HeldOutPrices}", $"{h.HeldOutRows}", $"{h.PooledRmse:F4}", $"{h.OwnRmse:F4}", $"{h.ShrunkRmse:F4}");
            }

            AnsiConsole.MarkupLineInterpolated($"{report.Rows} store-weeks; elasticities of log units in log price, 90 % t intervals");
            AnsiConsole.Write(coefficients);
            AnsiConsole.MarkupLineInterpolated($"Thin samples (seed {report.Seed}): error of the elasticity against each brand's full-data estimate; prior from the same draw's three brands");
            AnsiConsole.Write(shrinkage);
            AnsiConsole.MarkupLineInterpolated($"Log-unit error on rows at a held-out {ElasticityEvaluation.HeldOutPriceShare:P0} of each brand's price levels (seed {report.Seed})");
            AnsiConsole.Write(holdOut);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json.Nodes;
using EcomOrleans.Merchandising.Forecasting;
using EcomOrleans.Merchandising.Restock;
using EcomOrleans.Training.Demand;
using EcomOrleans.Training.Restock;
using Spectre.Console;

namespace EcomOrleans.Training.Cli;

/// <summary><c>evaluate restock</c>: the restock policy against the fixed rule, replayed on real demand.</summary>
internal static class RestockCommands
{
    public static Command Evaluate()
    {
        var data = CliOptions.Data("M5 long CSV; the last --days days of each series are replayed.");
        var leadTime = CliOptions.Value("--lead-time", 7, "Supplier lead time in days");
        var review = CliOptions.Value("--review", 7, "Days between reviews (1 = daily)");
        var days = CliOptions.Value("--days", 364, "Last days of each series replayed");
        var json = CliOptions.Json();
        var plot = new Option<FileInfo>("--plot") { Description = "Also draw fill rate against mean inventory over service levels to this PNG." };
        leadTime.Validators.Add(r => AddErrorUnless(r, r.GetValueOrDefault<int>() >= 0, "--lead-time must be 0 or more."));
        review.Validators.Add(r => AddErrorUnless(r, r.GetValueOrDefault<int>() >= 1, "--review must be 1 or more."));
        days.Validators.Add(r => AddErrorUnless(r, r.GetValueOrDefault<int>() >= 1, "--days must be 1 or more."));
        var command = new Command("restock",
            "Replay each series' last days against the fixed rule (reorder at 14 days of demand, order 28) and the restock policy (seasonal-smoothing forecasts of the last 728 days, as a SKU grain makes without the model): "
            + "fill rate, stock-out days and mean inventory, at the default service level and at the one that matches the fixed rule's fill rate.")
        {
            data, leadTime, review, days, json, plot,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(data)!;
            var backtest = new RestockBacktest(M5Reader.Load(file.FullName), parse.GetValue(days), parse.GetValue(leadTime), parse.GetValue(review), RestockBacktest.SeasonalSmoothing);
            var evaluation = parse.GetValue(json) ? RestockEvaluator.Evaluate(backtest) : EvaluateWithProgress(backtest);
            if (parse.GetValue(plot) is { } picture)
            {
                RestockPlot.Save(evaluation, picture.FullName,
                    $"{file.Name}: last {parse.GetValue(days)} days, lead time {backtest.LeadTimeDays}, review {backtest.ReviewPeriodDays}");
            }

            CliOptions.Print(Json(file.Name, parse.GetValue(days), backtest, evaluation), parse.GetValue(json), Table(backtest, evaluation));
            if (!parse.GetValue(json))
            {
                Summary(evaluation);
            }

            return 0;
        });
        return command;
    }

    private static void AddErrorUnless(System.CommandLine.Parsing.OptionResult result, bool valid, string error)
    {
        if (!valid)
        {
            result.AddError(error);
        }
    }

    private static RestockEvaluation EvaluateWithProgress(RestockBacktest backtest)
    {
        RestockEvaluation? evaluation = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var forecasts = context.AddTask("forecasting every review (exp. smoothing)", maxValue: backtest.Series.Count);
                var levels = context.AddTask("service levels (search and curve)", maxValue: RestockEvaluator.FurtherRuns);
                evaluation = RestockEvaluator.Evaluate(backtest, () => forecasts.Increment(1), () => levels.Increment(1));
                levels.Value = levels.MaxValue;
            });
        return evaluation!;
    }

    private static Table Table(RestockBacktest backtest, RestockEvaluation evaluation)
    {
        var matched = $"{evaluation.Matched.ServiceLevel:0.###}";
        var table = new Table().AddColumns("series", "fixed fill", "out days", "on hand", $"{RestockEvaluator.DefaultServiceLevel:0.##} fill", "out days", "on hand",
            $"{matched} fill", "out days", "on hand", "vs fixed");
        table.Caption("fill: units served / demanded; out days: days with lost sales or nothing left at close; on hand: mean units at close; "
            + "fixed: the 14/28-day rule; 0.95 and " + matched + ": the policy at those service levels; vs fixed: the latter's on hand against the fixed rule's");
        for (var s = 0; s < backtest.Series.Count; s++)
        {
            table.AddRow([backtest.Series[s].Id, .. Row(evaluation, evaluation.Fixed.Series[s], evaluation.Default.Series[s], evaluation.Matched.Series[s])]);
        }

        table.AddRow(["total", .. Row(evaluation, evaluation.Fixed.Total, evaluation.Default.Total, evaluation.Matched.Total)]);
        return table;
    }

    private static string[] Row(RestockEvaluation evaluation, RestockSimulation fixedRule, RestockSimulation policy, RestockSimulation matched) =>
    [
        $"{fixedRule.FillRate:P1}", $"{fixedRule.StockOutDays}", $"{fixedRule.MeanOnHand:F1}",
        $"{policy.FillRate:P1}", $"{policy.StockOutDays}", $"{policy.MeanOnHand:F1}",
        $"{matched.FillRate:P1}", $"{matched.StockOutDays}", $"{matched.MeanOnHand:F1}",
        fixedRule.MeanOnHand > 0 ? $"{(matched.MeanOnHand / fixedRule.MeanOnHand) - 1:+0.0%;-0.0%}" : "-",
    ];

    private static void Summary(RestockEvaluation evaluation)
    {
        var curve = new Table().AddColumns("service level", "fill", "stock-out days", "mean on hand", "vs fixed");
        foreach (var run in evaluation.Curve)
        {
            curve.AddRow($"{run.ServiceLevel:0.###}", $"{run.Total.FillRate:P1}", $"{run.Total.StockOutDays}", $"{run.Total.MeanOnHand:F1}",
                $"{(run.Total.MeanOnHand / evaluation.Fixed.Total.MeanOnHand) - 1:+0.0%;-0.0%}");
        }

        AnsiConsole.Write(curve);
        var (fixedRule, policy, matched) = (evaluation.Fixed.Total, evaluation.Default.Total, evaluation.Matched.Total);
        AnsiConsole.MarkupLineInterpolated(
            $"policy at {RestockEvaluator.DefaultServiceLevel:0.##} service: fill rate {policy.FillRate:P1} against the fixed rule's {fixedRule.FillRate:P1}, mean inventory {policy.MeanOnHand:F1} units against {fixedRule.MeanOnHand:F1} ({evaluation.DefaultInventoryRatio - 1:+0.0%;-0.0%})");
        if (evaluation.MatchReached && evaluation.Matched.ServiceLevel == ServiceLevelSearch.Low)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"policy at the lowest service level searched, {ServiceLevelSearch.Low}, already fills {matched.FillRate:P1} (fixed rule {fixedRule.FillRate:P1}) with mean inventory {matched.MeanOnHand:F1} units ({evaluation.MatchedInventoryRatio - 1:+0.0%;-0.0%})");
        }
        else if (evaluation.MatchReached)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"policy at service level {evaluation.Matched.ServiceLevel:0.###} matches the fixed rule's fill rate: {matched.FillRate:P1} with mean inventory {matched.MeanOnHand:F1} units ({evaluation.MatchedInventoryRatio - 1:+0.0%;-0.0%})");
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(
                $"no service level up to {ServiceLevelSearch.High} reaches the fixed rule's fill rate; at {ServiceLevelSearch.High}: {matched.FillRate:P1} with {matched.MeanOnHand:F1} units");
        }

        AnsiConsole.MarkupLineInterpolated(
            $"goal (the same fill rate with at least {RestockEvaluation.GoalInventoryCut:P0} less inventory, or a higher fill rate with no more): {(evaluation.GoalMet ? "met" : "not met")}");
    }

    private static JsonObject Json(string file, int days, RestockBacktest backtest, RestockEvaluation evaluation)
    {
        var series = new JsonArray();
        for (var s = 0; s < backtest.Series.Count; s++)
        {
            series.Add(new JsonObject
            {
                ["id"] = backtest.Series[s].Id, ["fixed"] = Metrics(evaluation.Fixed.Series[s]), ["policy"] = Metrics(evaluation.Default.Series[s]),
                ["matched"] = Metrics(evaluation.Matched.Series[s]),
            });
        }

        return new JsonObject
        {
            ["data"] = file, ["days"] = days, ["warmUpDays"] = RestockBacktest.WarmUpDays, ["leadTimeDays"] = backtest.LeadTimeDays, ["reviewPeriodDays"] = backtest.ReviewPeriodDays,
            ["forecaster"] = "seasonal smoothing of the last 728 days", ["series"] = series,
            ["total"] = new JsonObject
            {
                ["fixed"] = Metrics(evaluation.Fixed.Total), ["policy"] = Metrics(evaluation.Default.Total), ["matched"] = Metrics(evaluation.Matched.Total),
            },
            ["serviceLevel"] = RestockEvaluator.DefaultServiceLevel, ["matchedServiceLevel"] = CliOptions.Round(evaluation.Matched.ServiceLevel!.Value),
            ["matchReached"] = evaluation.MatchReached, ["policyInventoryRatio"] = CliOptions.Round(evaluation.DefaultInventoryRatio),
            ["matchedInventoryRatio"] = CliOptions.Round(evaluation.MatchedInventoryRatio), ["goalMet"] = evaluation.GoalMet,
            ["curve"] = new JsonArray([.. evaluation.Curve.Select(r => (JsonNode)new JsonObject { ["serviceLevel"] = r.ServiceLevel, ["total"] = Metrics(r.Total) })]),
        };
    }

    private static JsonObject Metrics(RestockSimulation run) => new()
    {
        ["fillRate"] = CliOptions.Round(run.FillRate), ["stockOutDays"] = run.StockOutDays, ["meanOnHand"] = Math.Round(run.MeanOnHand, 2),
        ["orders"] = run.OrdersPlaced, ["unitsDemanded"] = run.UnitsDemanded, ["days"] = run.Days,
    };
}

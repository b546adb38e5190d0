using System.CommandLine;
using System.Globalization;
using FeedWatch.Cli.Hosting;
using FeedWatch.Cli.Load;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval load [--feeds 2000] [--cycles 3] [--items 1] [--data DIR | --storage CONNECTION_STRING]
/// [--min-articles-per-cpu-second X]`: runs the whole pipeline over many simulated loopback feeds with changing items
/// and prints throughput, CPU time, peak memory and whether anything was lost. Exit code 1 when anything was lost,
/// duplicated or left over, or when the articles stored per CPU-second are below the given floor.
/// </summary>
public static class EvalLoadCommand
{
    /// <summary>Adds `load` under the shared `eval` command.</summary>
    public static void AddTo(RootCommand root, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        var eval = root.Subcommands.FirstOrDefault(c => c.Name == "eval");
        if (eval is null)
        {
            eval = new Command("eval", "Measure FeedWatch against benchmark corpora.");
            root.Subcommands.Add(eval);
        }

        eval.Subcommands.Add(Create(context));
    }

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feeds = new Option<int>("--feeds") { Description = "Simulated feeds (one outlet each, served on 127.0.0.1).", DefaultValueFactory = _ => 2000 };
        var cycles = new Option<int>("--cycles") { Description = "Poll cycles; each releases new items on every feed.", DefaultValueFactory = _ => 3 };
        var items = new Option<int>("--items") { Description = "New items per feed per cycle.", DefaultValueFactory = _ => 1 };
        var limit = new Option<TimeSpan>("--limit") { Description = "Give up after this long.", DefaultValueFactory = _ => TimeSpan.FromHours(1) };
        var minRate = new Option<double?>("--min-articles-per-cpu-second")
        {
            Description = "Exit with code 1 when fewer articles than this are stored per CPU-second of the whole process (a throughput floor for CI).",
        };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var hosts = new Option<int>("--hosts") { Description = "Run this many competing `feedwatch run` processes on one store over a replayed --corpus and compare their stories with one host's." };
        var corpus = new Option<FileInfo?>("--corpus") { Description = "With --hosts: the labeled story corpus (JSON Lines) to replay, e.g. basil.jsonl.", HelpName = "FILE" };
        var articles = new Option<int>("--articles") { Description = "With --hosts: replay only the corpus's first N articles (0 = all)." };
        var json = CommonOptions.Json("the --hosts report");
        var command = new Command("load", "Run the whole pipeline over many simulated feeds with changing items: throughput, peak memory, nothing lost.")
        {
            feeds, cycles, items, limit, data, storage, minRate, hosts, corpus, articles, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(hosts) is var hostCount and not 0)
            {
                return await EvalLoadHosts.RunAsync(context, hostCount, parse.GetValue(corpus), parse.GetValue(articles), parse.GetValue(storage),
                    parse.GetResult(limit) is null ? null : parse.GetValue(limit), parse.GetValue(json), cancellationToken).ConfigureAwait(false);
            }

            var options = new LoadRunOptions
            {
                Feeds = parse.GetValue(feeds),
                Cycles = parse.GetValue(cycles),
                ItemsPerCycle = parse.GetValue(items),
                Limit = parse.GetValue(limit),
                DataDirectory = parse.GetValue(data),
                Storage = parse.GetValue(storage),
            };
            if (options.Feeds < 1 || options.Cycles < 1 || options.ItemsPerCycle < 1)
            {
                await context.Error.WriteLineAsync("error: --feeds, --cycles and --items must be at least 1.").ConfigureAwait(false);
                return 2;
            }

            var floor = parse.GetValue(minRate);
            if (floor is <= 0 or double.NaN or double.PositiveInfinity)
            {
                await context.Error.WriteLineAsync("error: --min-articles-per-cpu-second must be a positive number.").ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(context, options, floor, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, LoadRunOptions options, double? floor, CancellationToken cancellationToken)
    {
        var console = context.Console;
        console.MarkupLine(
            $"Load run: {options.Feeds} feeds x {options.Cycles} cycles x {options.ItemsPerCycle} new item(s), " +
            $"{(options.Storage is null ? "embedded store" : "Azure Storage")}; the replay server runs in this process.");
        LoadRunReport? report = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("starting", maxValue: 1);
                report = await new PipelineLoadRun(context).RunAsync(options, (cycle, handled, expected) =>
                {
                    task.MaxValue = Math.Max(expected, handled);
                    task.Value = handled;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"cycle {Math.Min(cycle + 1, options.Cycles)}/{options.Cycles}: {handled} messages");
                }, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);

        Print(console, report!);
        if (floor is { } min && report!.ArticlesPerCpuSecond < min)
        {
            console.MarkupLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[red]Throughput below the floor: {report.ArticlesPerCpuSecond:0.0} articles per CPU-second < {min:0.0} (--min-articles-per-cpu-second).[/]"));
            return 1;
        }

        return report!.NothingLost ? 0 : 1;
    }

    private static void Print(IAnsiConsole console, LoadRunReport r)
    {
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        var ci = CultureInfo.InvariantCulture;
        Row("feeds x cycles", $"{r.Feeds} x {r.Cycles}");
        Row("items served", r.ItemsServed.ToString(ci));
        Row("articles stored", r.ArticlesStored.ToString(ci));
        Row("duplicates / lost / unexpected", $"{r.DuplicateArticles} / {r.LostArticles} / {r.UnexpectedArticles}");
        Row("alerts (expected)", $"{r.Alerts} ({r.ExpectedAlerts})");
        Row("duplicate / missing alerts", $"{r.DuplicateAlerts} / {r.MissingAlerts}");
        Row("left on stage queues / poison", $"{r.StageMessagesLeft} / {r.PoisonMessages}");
        Row("messages handled", r.MessagesHandled.ToString(ci));
        Row("wall time", r.Elapsed.TotalSeconds.ToString("0.0 s", ci));
        Row("throughput", string.Create(ci, $"{r.ArticlesPerSecond:0.0} articles/s, {r.MessagesPerSecond:0.0} messages/s"));
        Row("CPU time (whole process)", string.Create(ci, $"{r.CpuTime.TotalSeconds:0.0} s = {r.ArticlesPerCpuSecond:0.0} articles per CPU-second"));
        Row("peak working set", $"{r.PeakWorkingSetBytes / (1 << 20)} MiB");
        Row("load average (1/5/15 min)", r.LoadAverage);
        console.Write(table);
        // One plain line (no table wrapping) for scripts and CI floors to read.
        console.WriteLine(string.Create(ci, $"{r.ArticlesPerCpuSecond:0.0} articles per CPU-second ({r.ArticlesStored} articles, {r.CpuTime.TotalSeconds:0.0} s CPU, {r.Elapsed.TotalSeconds:0.0} s wall)"));
        console.MarkupLine(r.NothingLost ? "[green]Nothing lost, duplicated or left over.[/]" : "[red]Something was lost, duplicated or left over (see above).[/]");
    }
}

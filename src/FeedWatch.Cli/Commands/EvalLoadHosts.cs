using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Cli.Load;
using FeedWatch.Replay.Corpus;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval load --hosts N --corpus FILE [--articles N] [--storage CONNECTION_STRING] [--json]`: one host, then
/// N competing hosts, over the same replayed corpus; prints story agreement, B-cubed against gold, articles stored
/// exactly once and articles per CPU-second. Exit code 1 when a host failed or an article was lost or stored twice.
/// </summary>
internal static class EvalLoadHosts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(CliContext context, int hosts, FileInfo? corpus, int articles, string? storage, TimeSpan? limit, bool json, CancellationToken cancellationToken)
    {
        if (hosts < 1 || articles < 0)
        {
            await context.Error.WriteLineAsync("error: --hosts must be at least 1 and --articles at least 0.").ConfigureAwait(false);
            return 2;
        }

        if (corpus is null || !corpus.Exists)
        {
            await context.Error.WriteLineAsync($"error: --hosts needs --corpus FILE, a labeled story corpus (JSON Lines){(corpus is null ? "" : $"; {corpus.FullName} does not exist")}.").ConfigureAwait(false);
            return 2;
        }

        var options = new HostsLoadOptions { Corpus = corpus.FullName, Hosts = hosts, Articles = articles, Storage = storage };
        if (limit is { } given)
        {
            options = options with { Limit = given };
        }

        HostsLoadReport report;
        try
        {
            if (json)
            {
                report = await new HostsLoadRun(context).RunAsync(options, line => context.Error.WriteLine(line), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                context.Console.MarkupLine($"Hosts run: 1 host, then {hosts} competing `feedwatch run` processes on {(storage is null ? "embedded data folders" : "Azure Storage containers")}, over {Markup.Escape(corpus.Name)}.");
                HostsLoadReport? done = null;
                await context.Console.Status().StartAsync("replaying", async status =>
                {
                    done = await new HostsLoadRun(context).RunAsync(options, line => status.Status(Markup.Escape(line.Split('\n')[0])), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
                report = done!;
            }
        }
        catch (Exception ex) when (ex is CorpusFormatException or IOException or TimeoutException)
        {
            await context.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        if (json)
        {
            context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, Json));
        }
        else
        {
            Print(context.Console, report);
        }

        var ok = report.AllHostsSucceeded && report.OneHost.StoredExactlyOnce && report.ManyHosts.StoredExactlyOnce;
        return ok ? 0 : 1;
    }

    private static void Print(IAnsiConsole console, HostsLoadReport r)
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("1 host").RightAligned()).AddColumn(new TableColumn($"{r.ManyHosts.Hosts} hosts").RightAligned());
        void Row(string name, Func<HostsRunFigures, string> value) => table.AddRow(Markup.Escape(name), Markup.Escape(value(r.OneHost)), Markup.Escape(value(r.ManyHosts)));
        Row("articles stored (of corpus)", f => $"{f.ArticlesStored} ({r.CorpusArticles})");
        Row("stored twice / missing", f => $"{f.DuplicateArticles} / {f.MissingArticles}");
        Row("stories", f => f.Stories.ToString(ci));
        Row("B-cubed vs gold (P / R / F1)", f => string.Create(ci, $"{f.BCubedPrecisionVsGold:0.000} / {f.BCubedRecallVsGold:0.000} / {f.BCubedF1VsGold:0.000}"));
        Row("wall time", f => f.ElapsedSeconds.ToString("0.0 s", ci));
        Row("host CPU time (all processes)", f => f.HostCpuSeconds.ToString("0.0 s", ci));
        Row("articles per CPU-second", f => f.ArticlesPerCpuSecond.ToString("0.0", ci));
        Row("exit codes", f => string.Join(' ', f.ExitCodes));
        console.Write(table);
        console.MarkupLine(string.Create(ci,
            $"Story agreement of {r.ManyHosts.Hosts} hosts with 1 host (B-cubed): P {r.AgreementPrecision:0.000}, R {r.AgreementRecall:0.000}, [bold]F1 {r.AgreementF1:0.000}[/] ({Markup.Escape(r.Corpus)}, {r.Backend})."));
    }
}

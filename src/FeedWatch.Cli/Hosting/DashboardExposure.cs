using FeedWatch.Dashboard.Security;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace FeedWatch.Cli.Hosting;

/// <summary>
/// Before the dashboard listens beyond loopback: an explicit warning, a token (the configured one, or a fresh one that
/// is printed), and the listen address itself added to the Host allow-list.
/// </summary>
internal static class DashboardExposure
{
    private const string TokenKey = DashboardSecurityOptions.SectionName + ":Token";

    public static void Prepare(CliContext context, IConfigurationManager configuration, IReadOnlyList<string> urls)
    {
        var exposed = DashboardBinding.NonLoopback(urls);
        if (exposed.Count == 0)
        {
            return;
        }

        var extra = new Dictionary<string, string?>();
        var token = configuration[TokenKey];
        var generated = string.IsNullOrWhiteSpace(token);
        if (generated)
        {
            token = DashboardBinding.NewToken();
            extra[TokenKey] = token;
        }

        var index = 1000; // after any configured entries
        foreach (var host in exposed.Select(DashboardBinding.HostOf).Where(h => h is not ("*" or "+" or "0.0.0.0" or "::")).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            extra[$"{DashboardSecurityOptions.SectionName}:AllowedHosts:{index++}"] = host;
        }

        configuration.AddInMemoryCollection(extra);
        var console = context.Console;
        console.MarkupLine($"[yellow bold]Warning:[/] [yellow]the dashboard will listen on {Markup.Escape(string.Join(", ", exposed))}, reachable from other machines. Every request needs the token; requests must name an allowed Host (FeedWatch:Dashboard:AllowedHosts).[/]");
        console.MarkupLine(generated
            ? $"Dashboard token: [bold]{Markup.Escape(token!)}[/] (send 'Authorization: Bearer TOKEN', or open the dashboard once with ?token=TOKEN)"
            : "Dashboard token: the configured FeedWatch:Dashboard:Token");
    }
}

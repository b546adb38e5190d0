using FeedWatch.Core.Ports.Http;
using FeedWatch.Http.Tests.Support;

namespace FeedWatch.Http.Tests;

/// <summary>A feed cannot aim unbounded requests at one host: each host has a request budget per time window.</summary>
public sealed class HostFetchBudgetTests
{
    [Fact]
    public async Task Requests_over_a_hosts_budget_fail_without_reaching_it_and_other_hosts_are_unaffected()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response(200, "ok"));
        var clock = new SteppedTime();
        using var fetcher = new HttpFetcher(new HttpFetcherOptions
        {
            HostMap = new Dictionary<string, string> { ["victim.example"] = "127.0.0.1", ["other.example"] = "127.0.0.1" },
            AllowPrivateAddresses = true,
            MaxRequestsPerHostPerWindow = 5,
            HostBudgetWindow = TimeSpan.FromMinutes(5),
        }, time: clock);

        var results = new List<FetchResponse>();
        for (var i = 0; i < 8; i++)
        {
            results.Add(await fetcher.FetchAsync(new FetchRequest(server.Url($"/page/{i}", "victim.example"))));
        }

        Assert.Equal(5, results.Count(r => r.IsSuccess));
        Assert.All(results.Skip(5), r => Assert.Equal(FetchErrorKind.HostBudgetExhausted, r.Error?.Kind));
        Assert.Equal(5, server.Requests.Count);
        Assert.True((await fetcher.FetchAsync(new FetchRequest(server.Url("/x", "other.example")))).IsSuccess);

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await fetcher.FetchAsync(new FetchRequest(server.Url("/again", "victim.example")))).IsSuccess, "the budget refills after the window");
    }

    [Fact]
    public async Task Redirect_hops_spend_the_budget_too()
    {
        await using var server = new LoopbackServer(r => r.Path.StartsWith("/hop", StringComparison.Ordinal)
            ? LoopbackServer.Response(302, "", "Location: /end")
            : LoopbackServer.Response(200, "ok"));
        using var fetcher = new HttpFetcher(new HttpFetcherOptions
        {
            HostMap = new Dictionary<string, string> { ["victim.example"] = "127.0.0.1" },
            AllowPrivateAddresses = true,
            MaxRequestsPerHostPerWindow = 3,
        });

        Assert.True((await fetcher.FetchAsync(new FetchRequest(server.Url("/hop1", "victim.example")))).IsSuccess);
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("/hop2", "victim.example")));

        Assert.Equal(FetchErrorKind.HostBudgetExhausted, second.Error?.Kind);
        Assert.Equal(3, server.Requests.Count);
    }

    private sealed class SteppedTime : TimeProvider
    {
        private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}

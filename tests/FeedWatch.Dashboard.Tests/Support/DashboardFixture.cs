using System.Net.Http.Json;
using System.Text.Json;
using FeedWatch.Cli.Demo;
using FeedWatch.Cli.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedWatch.Dashboard.Tests.Support;

/// <summary>
/// Runs the real pipeline once over the five seed outlets (loopback, host-mapped), tracking seed-b's article,
/// then serves the dashboard over that data folder on 127.0.0.1 with a free port, exactly as `feedwatch serve` does.
/// Subclasses choose another storage backend through <see cref="StartStorageAsync"/> (e.g. Azurite).
/// </summary>
public class DashboardFixture : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "feedwatch-dashboard-" + Guid.NewGuid().ToString("N")[..8]);
    private LoopbackOutletServer _outlets = null!;
    private IHost _dashboard = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string StoryId { get; private set; } = "";

    public string DataDirectory => _data;

    /// <summary>The `--storage` connection string, or null for the embedded folder store.</summary>
    protected virtual Task<string?> StartStorageAsync() => Task.FromResult<string?>(null);

    protected virtual Task StopStorageAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var storage = await StartStorageAsync();
        string[] storageArguments = storage is null ? ["--data", _data] : ["--data", _data, "--storage", storage];
        var sites = SeedSites.Build();
        _outlets = new LoopbackOutletServer(sites);
        await _outlets.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["FeedWatch:Workers:ScheduleInterval"] = "00:00:01",
            ["FeedWatch:Workers:RetryDelay"] = "00:00:01",
            ["FeedWatch:Http:AllowPrivateAddresses"] = "true", // the outlets are host-mapped to 127.0.0.1
        };
        foreach (var site in sites)
        {
            settings[$"FeedWatch:Http:HostMap:{site.Host}"] = "127.0.0.1";
        }

        Directory.CreateDirectory(_data);
        var feeds = Path.Combine(_data, "feeds.yaml");
        await File.WriteAllTextAsync(feeds, "feeds:\n" + string.Concat(sites.Select(s => $"  - url: {_outlets.FeedUrl(s.Host)}\n    name: {s.Name}\n    pollInterval: 1s\n")));

        var cli = new CliRunner(settings);
        var seedB = sites.Single(s => s.Host == "seed-b.example");
        var track = await cli.RunAsync(["track", "add", "--url", _outlets.PageUrl(seedB.Host, seedB.Pages[0]), .. storageArguments]);
        Assert.True(track.ExitCode == 0, track.Output);
        var run = await cli.RunAsync(["run", "--feeds", feeds, "--until-quiet", "--quiet", .. storageArguments]);
        Assert.True(run.ExitCode == 0, run.Output);

        _dashboard = CliHost.Build(CliRunner.QuietContext(settings, TextWriter.Null), _data, storage: storage, dashboardUrls: "http://127.0.0.1:0");
        await _dashboard.StartAsync();
        var address = _dashboard.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var stories = await Http.GetFromJsonAsync<JsonElement>("api/stories");
        StoryId = Assert.Single(stories.EnumerateArray(), s => s.GetProperty("tracked").GetBoolean()).GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (_dashboard is not null)
        {
            await _dashboard.StopAsync();
            _dashboard.Dispose();
        }

        await _outlets.DisposeAsync();
        await StopStorageAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}

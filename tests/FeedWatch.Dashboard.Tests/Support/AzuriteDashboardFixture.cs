using FeedWatch.Azure.Tests.Azurite;

namespace FeedWatch.Dashboard.Tests.Support;

/// <summary>The same pipeline run and dashboard, with every document in a real Azurite (started on 127.0.0.1) via `--storage`.</summary>
public sealed class AzuriteDashboardFixture : DashboardFixture
{
    private readonly AzuriteFixture _azurite = new();

    protected override async Task<string?> StartStorageAsync()
    {
        await _azurite.InitializeAsync();
        return _azurite.ConnectionString;
    }

    protected override Task StopStorageAsync() => _azurite.DisposeAsync();
}

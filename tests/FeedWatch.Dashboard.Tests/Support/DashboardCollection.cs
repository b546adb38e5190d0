namespace FeedWatch.Dashboard.Tests.Support;

/// <summary>The API and browser tests share one pipeline run and one dashboard (the run is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}

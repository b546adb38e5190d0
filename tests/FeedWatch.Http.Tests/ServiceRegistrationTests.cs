using FeedWatch.Core.Ports.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FeedWatch.Http.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public void Binds_options_from_the_FeedWatch_Http_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FeedWatch:Http:UserAgent"] = "TestAgent/2",
            ["FeedWatch:Http:Timeout"] = "00:00:07",
            ["FeedWatch:Http:MaxBodyBytes"] = "1234",
            ["FeedWatch:Http:MaxRedirects"] = "2",
            ["FeedWatch:Http:AllowPrivateAddresses"] = "true",
            ["FeedWatch:Http:HostMap:seed-a.example"] = "127.0.0.1",
        }).Build();
        using var provider = new ServiceCollection().AddFeedWatchHttp(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<HttpFetcherOptions>>().Value;

        Assert.Equal("TestAgent/2", options.UserAgent);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(1234, options.MaxBodyBytes);
        Assert.Equal(2, options.MaxRedirects);
        Assert.True(options.AllowPrivateAddresses);
        Assert.Equal("127.0.0.1", options.HostMap["seed-a.example"]);
        Assert.IsType<HttpFetcher>(provider.GetRequiredService<IHttpFetcher>());
    }
}

using Azure.Core;
using Azure.Messaging.ServiceBus;
using FeedWatch.Azure.Alerts;

namespace FeedWatch.Azure.Tests.Alerts;

/// <summary>How a configured Service Bus sink becomes an SDK sender (no broker is contacted: the SDK connects lazily).</summary>
public sealed class ServiceBusSenderFactoryTests
{
    private const string Namespace = "Endpoint=sb://contoso-news.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=c2VjcmV0";

    [Fact]
    public async Task Connection_string_with_an_entity_path_targets_that_entity()
    {
        await using var sender = ServiceBusSenderFactory.FromConnectionString("bus", Namespace + ";EntityPath=feedwatch-alerts", entityPath: null);

        Assert.Equal("feedwatch-alerts", sender.EntityPath);
        Assert.Equal("contoso-news.servicebus.windows.net", sender.FullyQualifiedNamespace);
    }

    [Fact]
    public async Task Configured_entity_path_is_used_when_the_connection_string_names_none()
    {
        await using var sender = ServiceBusSenderFactory.FromConnectionString("bus", Namespace, entityPath: "alerts-queue");

        Assert.Equal("alerts-queue", sender.EntityPath);
    }

    [Fact]
    public void Missing_entity_path_is_reported_with_the_setting_to_add()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusSenderFactory.FromConnectionString("bus", Namespace, entityPath: null));

        Assert.Contains("FeedWatch:Alerts:Sinks:bus:EntityPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_connection_string_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusSenderFactory.FromConnectionString("bus", "Endpoint=sb://x.servicebus.windows.net/;garbage", "q"));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namespace_with_a_credential_targets_the_host_of_the_namespace_url()
    {
        await using var sender = ServiceBusSenderFactory.FromNamespace("bus", new Uri("https://contoso-news.servicebus.windows.net/"), "feedwatch-alerts", new NoToken());

        Assert.Equal("contoso-news.servicebus.windows.net", sender.FullyQualifiedNamespace);
        Assert.Equal("feedwatch-alerts", sender.EntityPath);
    }

    [Fact]
    public void Retries_are_exponential_and_bounded()
    {
        var retry = ServiceBusSenderFactory.ClientOptions("bus").RetryOptions;

        Assert.Equal(ServiceBusRetryMode.Exponential, retry.Mode);
        Assert.Equal(5, retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.MaxDelay);
    }

    private sealed class NoToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("not called");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("not called");
    }
}

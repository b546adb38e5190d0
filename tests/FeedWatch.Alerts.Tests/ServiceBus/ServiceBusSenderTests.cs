using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Core;
using FeedWatch.Alerts.ServiceBus;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Azure.ServiceBus;
using FeedWatch.Core.Alerts;

namespace FeedWatch.Alerts.Tests.ServiceBus;

public sealed class ServiceBusSenderTests
{
    private const string KeyName = "feedwatch-send";
    private const string Key = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";

    private static string ConnectionString(Uri server, string key = Key, string entity = "alerts-topic") =>
        $"Endpoint=sb://{server.Authority}/;SharedAccessKeyName={KeyName};SharedAccessKey={key};EntityPath={entity};UseDevelopmentEmulator=true";

    private static ServiceBusSenderClientOptions FastRetries() => new() { Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 3 } };

    [Fact]
    public async Task Alert_is_posted_with_a_valid_sas_token_broker_properties_and_filterable_properties()
    {
        var broker = new SasVerifyingServiceBus(KeyName, Key);
        await using var server = broker.Start();
        var sink = new ServiceBusAlertSink("bus", new ServiceBusSenderClient(ConnectionString(server.BaseAddress), options: FastRetries()));
        var alert = SampleAlerts.Spread();

        await sink.DeliverAsync(alert);

        Assert.Empty(broker.Rejections);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("/alerts-topic/messages", request.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("application/cloudevents+json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var broker_ = JsonDocument.Parse(request.Header("BrokerProperties"));
        Assert.Equal(alert.Id, broker_.RootElement.GetProperty("MessageId").GetString());
        Assert.Equal("feedwatch.story.spread", broker_.RootElement.GetProperty("Label").GetString());
        Assert.Equal("story-ferry", broker_.RootElement.GetProperty("CorrelationId").GetString());
        Assert.Equal("\"story-ferry\"", request.Header("storyId"));
        Assert.Equal("\"harbourgazette.example\"", request.Header("outlet"));
        Assert.Equal("\"rewrite\"", request.Header("relation"));
        Assert.Equal("\"feedwatch.story.spread\"", request.Header("eventType"));
        Assert.Equal("0.8132", request.Header("score"));
        Assert.Equal("2", request.Header("outletCount"));
        Assert.Equal("\"coastalherald.example\"", request.Header("originOutlet"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(alert.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal(alert.StoryTitle, body.RootElement.GetProperty("data").GetProperty("storyTitle").GetString());
    }

    [Fact]
    public async Task Redelivery_sends_the_same_message_id_for_duplicate_detection()
    {
        await using var server = new SasVerifyingServiceBus(KeyName, Key).Start();
        var sink = new ServiceBusAlertSink("bus", new ServiceBusSenderClient(ConnectionString(server.BaseAddress), options: FastRetries()));

        await sink.DeliverAsync(SampleAlerts.Spread());
        await sink.DeliverAsync(SampleAlerts.Spread());

        var ids = server.Requests.Select(r => JsonDocument.Parse(r.Header("BrokerProperties")).RootElement.GetProperty("MessageId").GetString()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task Wrong_key_is_rejected_by_the_verifier_and_surfaces_as_401_without_retries()
    {
        var broker = new SasVerifyingServiceBus(KeyName, Key);
        await using var server = broker.Start();
        var sender = new ServiceBusSenderClient(ConnectionString(server.BaseAddress, key: "d3Jvbmcta2V5"), options: FastRetries());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}"))));

        Assert.Equal(401, error.Status);
        Assert.Contains("signature mismatch", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Token_for_another_entity_is_rejected()
    {
        var broker = new SasVerifyingServiceBus(KeyName, Key);
        await using var server = broker.Start();
        var sender = new ServiceBusSenderClient(new Uri(server.BaseAddress, "/"), "other-queue", new AzureNamedKeyCredential(KeyName, Key), FastRetries());
        // Sign for other-queue but post to alerts-topic: the verifier must notice the token does not cover the path.
        var forged = new ServiceBusSenderClient(ConnectionString(server.BaseAddress).Replace($"SharedAccessKeyName={KeyName};SharedAccessKey={Key}", "SharedAccessSignature=" +
            ServiceBusSharedAccessSignature.Create(new Uri(server.BaseAddress, "other-queue").AbsoluteUri, KeyName, Key, DateTimeOffset.UtcNow.AddHours(1)), StringComparison.Ordinal), options: FastRetries());

        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}")));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => forged.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}"))));

        Assert.Equal(401, error.Status);
        Assert.Contains(broker.Rejections, r => r.Contains("does not cover", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Busy_broker_is_retried_honouring_retry_after()
    {
        await using var server = new SasVerifyingServiceBus(KeyName, Key, (_, n) => n == 1
            ? new CannedResponse(503, "<Error><Code>503</Code><Detail>busy</Detail></Error>", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : new CannedResponse(201)).Start();
        var sender = new ServiceBusSenderClient(ConnectionString(server.BaseAddress), options: FastRetries());
        var clock = Stopwatch.StartNew();

        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}")) { MessageId = "m-1" });

        // The configured backoff is 10 ms; only honouring Retry-After explains a gap of about a second.
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Throttling_and_server_errors_are_retried_then_reported(int status)
    {
        await using var server = new SasVerifyingServiceBus(KeyName, Key, (_, _) => new CannedResponse(status, "<Error><Code>x</Code><Detail>try later</Detail></Error>")).Start();
        var sender = new ServiceBusSenderClient(ConnectionString(server.BaseAddress), options: FastRetries());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}"))));

        Assert.Equal(status, error.Status);
        Assert.Equal(4, server.Requests.Count); // first attempt + MaxRetries (3)
        Assert.Contains("try later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entra_id_token_is_requested_for_the_service_bus_scope_and_sent_as_bearer()
    {
        await using var server = new LoopbackServer((_, _) => new CannedResponse(201));
        var credential = new RecordingCredential();
        var sender = new ServiceBusSenderClient(server.BaseAddress, "alerts-queue", credential, FastRetries());

        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}")));
        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}")));

        Assert.All(server.Requests, r => Assert.Equal("Bearer token-1", r.Header("Authorization")));
        Assert.Equal(["https://servicebus.azure.net/.default"], credential.Scopes.Distinct());
        Assert.Equal(1, credential.Calls); // cached, not fetched per request
    }

    [Fact]
    public async Task Bearer_token_is_never_sent_over_plain_http_to_a_remote_host()
    {
        var sender = new ServiceBusSenderClient(new Uri("http://sb.example.invalid/"), "q", new RecordingCredential(), FastRetries());

        await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{}"))));
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public int Calls;
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            var n = Interlocked.Increment(ref Calls);
            return ValueTask.FromResult(new AccessToken("token-" + n, DateTimeOffset.UtcNow.AddHours(1)));
        }
    }
}

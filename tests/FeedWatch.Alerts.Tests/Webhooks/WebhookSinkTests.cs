using System.Text;
using System.Text.Json;
using FeedWatch.Alerts.Configuration;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Alerts.Webhooks;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Delivery;

namespace FeedWatch.Alerts.Tests.Webhooks;

public sealed class WebhookSinkTests
{
    private const string Secret = "whsec-test-7f3a9c";

    private static IAlertSink CreateSink(Uri url, TimeSpan? timeout = null, bool allowPrivate = true, string? secret = Secret) =>
        new AlertSinkFactory(null, TimeProvider.System).Create("hook", new AlertSinkOptions
        {
            Type = AlertSinkType.Webhook,
            Url = new Uri(url, "hooks/feedwatch"),
            Secret = secret,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            AllowPrivateNetwork = allowPrivate,
        });

    [Fact]
    public async Task Posts_the_cloudevent_signed_with_hmac_over_timestamp_and_body()
    {
        await using var server = new LoopbackServer((_, _) => CannedResponse.Ok);
        var alert = SampleAlerts.Spread();

        await CreateSink(server.BaseAddress).DeliverAsync(alert);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/feedwatch", request.PathAndQuery);
        Assert.StartsWith("application/cloudevents+json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(alert.Id, request.Header("Idempotency-Key"));
        Assert.Equal(alert.Id, request.Header(WebhookAlertSink.AlertIdHeader));
        Assert.Equal("feedwatch.story.spread", request.Header(WebhookAlertSink.EventTypeHeader));
        Assert.True(WebhookSignature.Verify(Secret, request.Header(WebhookSignature.HeaderName), request.Body, DateTimeOffset.UtcNow));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(alert.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal(alert.ArticleUrl, body.RootElement.GetProperty("data").GetProperty("articleUrl").GetString());
    }

    [Fact]
    public async Task Signature_fails_for_a_wrong_secret_a_changed_body_or_a_stale_timestamp()
    {
        await using var server = new LoopbackServer((_, _) => CannedResponse.Ok);
        await CreateSink(server.BaseAddress).DeliverAsync(SampleAlerts.Spread());
        var request = Assert.Single(server.Requests);
        var header = request.Header(WebhookSignature.HeaderName);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(request.Body).Replace("rewrite", "copy", StringComparison.Ordinal));

        Assert.False(WebhookSignature.Verify("another-secret", header, request.Body, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(Secret, header, tampered, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(Secret, header, request.Body, DateTimeOffset.UtcNow.AddMinutes(10)));
        Assert.False(WebhookSignature.Verify(Secret, null, request.Body, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Signature_matches_an_independent_computation()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"x\"}");
        var at = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

        var header = WebhookSignature.Create("s3cret", at, body);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes("1767225600.{\"id\":\"x\"}")));
        Assert.Equal($"t=1767225600,v1={expected}", header);
    }

    [Fact]
    public async Task Unsigned_when_no_secret_is_configured()
    {
        await using var server = new LoopbackServer((_, _) => CannedResponse.Ok);

        await CreateSink(server.BaseAddress, secret: null).DeliverAsync(SampleAlerts.Spread());

        Assert.False(Assert.Single(server.Requests).Headers.ContainsKey(WebhookSignature.HeaderName));
    }

    [Fact]
    public async Task Server_error_becomes_a_delivery_exception_with_status_and_detail()
    {
        await using var server = new LoopbackServer((_, _) => new CannedResponse(500, "database is down"));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => CreateSink(server.BaseAddress).DeliverAsync(SampleAlerts.Spread()));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("database is down", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoint_that_does_not_answer_in_time_fails_with_a_timeout()
    {
        await using var server = new LoopbackServer((_, _) => new CannedResponse(200, Delay: TimeSpan.FromSeconds(10)));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() =>
            CreateSink(server.BaseAddress, timeout: TimeSpan.FromMilliseconds(300)).DeliverAsync(SampleAlerts.Spread()));

        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_is_not_followed()
    {
        await using var server = new LoopbackServer((_, _) => new CannedResponse(307, Headers: new Dictionary<string, string> { ["Location"] = "http://127.0.0.1:1/elsewhere" }));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => CreateSink(server.BaseAddress).DeliverAsync(SampleAlerts.Spread()));

        Assert.Equal(307, error.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Loopback_endpoint_is_refused_unless_private_network_is_allowed()
    {
        await using var server = new LoopbackServer((_, _) => CannedResponse.Ok);

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() =>
            CreateSink(server.BaseAddress, allowPrivate: false).DeliverAsync(SampleAlerts.Spread()));

        Assert.Contains("private", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Requests);
    }
}

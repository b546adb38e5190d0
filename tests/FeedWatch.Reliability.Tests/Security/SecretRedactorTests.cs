using FeedWatch.Core.Security;

namespace FeedWatch.Reliability.Tests.Security;

public sealed class SecretRedactorTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly SecretRedactor _redactor = new();

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + AccountKey + ";EndpointSuffix=core.windows.net",
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abcDEF123+/=xyz",
        "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=***")]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=2025-11-05&ss=b&sig=AbC%2Bdef%3D",
        "BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=***")]
    [InlineData("PUT https://acct.blob.core.windows.net/articles/x.json?sv=2025-11-05&se=2026-01-01&sp=rw&sig=AbC%2Bdef%3D failed: 403",
        "PUT https://acct.blob.core.windows.net/articles/x.json?sv=2025-11-05&se=2026-01-01&sp=rw&sig=*** failed: 403")]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX returned 404",
        "https://hooks.slack.com/services/*** returned 404")]
    [InlineData("posting to https://discord.com/api/webhooks/123456/abcdefTOKEN",
        "posting to https://discord.com/api/webhooks/***")]
    [InlineData("https://contoso.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456",
        "https://contoso.webhook.office.com/***")]
    [InlineData("https://feedwatch-fn.azurewebsites.net/api/alerts?code=Zm9vYmFyYmF6cXV4&clientId=default",
        "https://feedwatch-fn.azurewebsites.net/api/alerts?code=***&clientId=default")]
    [InlineData("fetching https://user:hunter22@example.com/feed.xml",
        "fetching https://***@example.com/feed.xml")]
    [InlineData("Authorization: SharedKey acct:c2lnbmF0dXJlc2lnbmF0dXJl",
        "Authorization: SharedKey ***")]
    [InlineData("header Bearer abcdefghijklmnopqrstuvwxyz012345 sent",
        "header Bearer *** sent")]
    public void Masks_the_secret_and_keeps_the_rest(string input, string expected) =>
        Assert.Equal(expected, _redactor.Redact(input));

    [Theory]
    [InlineData("Polled http://seed-a.example:8089/feed.xml: 12 items, 3 new")]
    [InlineData("Stored articles/2020/09/28/seed-b.example/embassy-3f2a.json (ETag \"0x8DC\")")]
    [InlineData("AccountName=devstoreaccount1;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1")]
    [InlineData("https://example.com/search?q=key+facts&page=2")]
    public void Leaves_ordinary_text_alone(string input) => Assert.Equal(input, _redactor.Redact(input));

    [Fact]
    public void Masks_registered_secrets_that_no_pattern_recognises()
    {
        const string webhook = "https://alerts.example.org/in/7f3c9a0b2d";
        _redactor.AddKnownSecret(webhook);
        _redactor.AddKnownSecret("short");
        Assert.Equal("delivery to *** failed (short)", _redactor.Redact($"delivery to {webhook} failed (short)"));
    }

    [Fact]
    public void Hostile_input_is_redacted_in_linear_time()
    {
        var hostile = "AccountKey=" + new string('a', 200_000) + string.Concat(Enumerable.Repeat("&sig=", 20_000)) + new string(':', 100_000);
        var redacted = _redactor.Redact(hostile);
        Assert.DoesNotContain(new string('a', 100), redacted, StringComparison.Ordinal);
    }
}

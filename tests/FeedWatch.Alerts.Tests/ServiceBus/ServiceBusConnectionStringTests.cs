using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using FeedWatch.Azure.ServiceBus;

namespace FeedWatch.Alerts.Tests.ServiceBus;

public sealed class ServiceBusConnectionStringTests
{
    [Fact]
    public void Parses_a_portal_connection_string_into_an_https_rest_endpoint()
    {
        var parsed = ServiceBusConnectionString.Parse("Endpoint=sb://contoso-news.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abc=;EntityPath=alerts");

        Assert.Equal(new Uri("https://contoso-news.servicebus.windows.net/"), parsed.RestEndpoint);
        Assert.Equal("RootManageSharedAccessKey", parsed.SharedAccessKeyName);
        Assert.Equal("abc=", parsed.SharedAccessKey);
        Assert.Equal("alerts", parsed.EntityPath);
        Assert.DoesNotContain("abc=", parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Emulator_flag_keeps_plain_http_and_the_port()
    {
        var parsed = ServiceBusConnectionString.Parse("Endpoint=sb://127.0.0.1:5672;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true");

        Assert.Equal(new Uri("http://127.0.0.1:5672/"), parsed.RestEndpoint);
    }

    [Theory]
    [InlineData("SharedAccessKeyName=k;SharedAccessKey=v")]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k")]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;garbage")]
    public void Incomplete_connection_strings_fail_with_a_clear_message(string text)
    {
        var error = Assert.Throws<FormatException>(() => ServiceBusConnectionString.Parse(text));

        Assert.Contains("connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_entity_is_reported()
    {
        Assert.Throws<ArgumentException>(() => new ServiceBusSenderClient("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=v"));
    }

    [Fact]
    public void Sas_token_has_the_documented_shape_and_signature()
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        var token = ServiceBusSharedAccessSignature.Create("https://Contoso.servicebus.windows.net/alerts", "send", "key123", expires);

        var encoded = WebUtility.UrlEncode("https://contoso.servicebus.windows.net/alerts");
        var sig = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("key123"), Encoding.UTF8.GetBytes(encoded + "\n1800000000")));
        Assert.Equal($"SharedAccessSignature sr={encoded}&sig={WebUtility.UrlEncode(sig)}&se={1_800_000_000.ToString(CultureInfo.InvariantCulture)}&skn=send", token);
    }
}

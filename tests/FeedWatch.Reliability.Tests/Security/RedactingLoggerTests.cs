using FeedWatch.Core.Security;
using FeedWatch.Reliability.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Reliability.Tests.Security;

public sealed class RedactingLoggerTests
{
    private const string ConnectionString = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0;EndpointSuffix=core.windows.net";
    private const string SasUrl = "https://acct.blob.core.windows.net/c/b?sv=2025-11-05&sig=U2lnbmF0dXJlU2ln";

    [Fact]
    public void Message_fields_and_exceptions_reach_the_sink_redacted()
    {
        var sink = new CapturingLoggerProvider();
        var logger = new RedactingLoggerProvider(sink, new SecretRedactor()).CreateLogger("test");

        logger.LogWarning(new InvalidOperationException("403 on " + SasUrl), "Storage {ConnectionString} failed for {Url} after {Attempts} attempts", ConnectionString, new Uri(SasUrl), 3);

        var entry = Assert.Single(sink.Entries);
        var everything = sink.AllText();
        Assert.DoesNotContain("c2VjcmV0c2VjcmV0", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("U2lnbmF0dXJlU2ln", everything, StringComparison.Ordinal);
        Assert.Contains("AccountKey=***", entry.Message, StringComparison.Ordinal);
        Assert.Contains("sig=***", entry.Exception, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", entry.Exception, StringComparison.Ordinal);
        Assert.Equal(3, entry.Fields.Single(f => f.Key == "Attempts").Value);
        Assert.Equal("Storage {ConnectionString} failed for {Url} after {Attempts} attempts", entry.Fields.Single(f => f.Key == "{OriginalFormat}").Value);
    }

    [Fact]
    public void Service_collection_wraps_every_registered_provider_once()
    {
        var sink = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(sink));
        services.AddSecretRedactionToLogging();
        services.AddSecretRedactionToLogging();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ILogger<RedactingLoggerTests>>().LogError("Webhook https://hooks.slack.com/services/T1/B2/secretsecret rejected the alert");

        var entry = Assert.Single(sink.Entries);
        Assert.Equal("Webhook https://hooks.slack.com/services/*** rejected the alert", entry.Message);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FeedWatch.Azure.ServiceBus;

/// <summary>
/// Sends messages to one Service Bus queue or topic over the REST API (POST {entity}/messages), shaped like the
/// Azure SDK's sender: SAS from a connection string, a named key, or Microsoft Entra ID through a TokenCredential.
/// </summary>
public class ServiceBusSenderClient
{
    public const string EntraScope = "https://servicebus.azure.net/.default";

    private readonly HttpPipeline pipeline;
    private readonly Uri messagesUri;

    /// <summary>For mocking.</summary>
    protected ServiceBusSenderClient()
    {
        pipeline = null!;
        messagesUri = null!;
        EntityPath = "";
    }

    /// <summary>From a connection string; <paramref name="entityPath"/> is needed unless the string carries EntityPath.</summary>
    public ServiceBusSenderClient(string connectionString, string? entityPath = null, ServiceBusSenderClientOptions? options = null)
    {
        var parsed = ServiceBusConnectionString.Parse(connectionString);
        options ??= new ServiceBusSenderClientOptions();
        EntityPath = ResolveEntity(entityPath ?? parsed.EntityPath);
        var entityUri = new Uri(parsed.RestEndpoint, EntityPath);
        messagesUri = new Uri(entityUri + "/messages");
        var auth = new ServiceBusSharedAccessKeyPolicy(entityUri.AbsoluteUri, parsed.SharedAccessKeyName, parsed.SharedAccessKey, parsed.SharedAccessSignature, options.SasTokenLifetime, options.TimeProvider);
        pipeline = HttpPipelineBuilder.Build(options, [], [auth], new ResponseClassifier());
    }

    /// <summary>With a shared access key: <paramref name="fullyQualifiedNamespace"/> such as https://contoso.servicebus.windows.net/.</summary>
    public ServiceBusSenderClient(Uri fullyQualifiedNamespace, string entityPath, AzureNamedKeyCredential credential, ServiceBusSenderClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fullyQualifiedNamespace);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new ServiceBusSenderClientOptions();
        EntityPath = ResolveEntity(entityPath);
        var entityUri = new Uri(fullyQualifiedNamespace, EntityPath);
        messagesUri = new Uri(entityUri + "/messages");
        var (name, key) = credential;
        var auth = new ServiceBusSharedAccessKeyPolicy(entityUri.AbsoluteUri, name, key, null, options.SasTokenLifetime, options.TimeProvider);
        pipeline = HttpPipelineBuilder.Build(options, [], [auth], new ResponseClassifier());
    }

    /// <summary>With Microsoft Entra ID (managed identity, DefaultAzureCredential …), scope https://servicebus.azure.net/.default.</summary>
    public ServiceBusSenderClient(Uri fullyQualifiedNamespace, string entityPath, TokenCredential credential, ServiceBusSenderClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fullyQualifiedNamespace);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new ServiceBusSenderClientOptions();
        EntityPath = ResolveEntity(entityPath);
        messagesUri = new Uri(new Uri(fullyQualifiedNamespace, EntityPath) + "/messages");
        pipeline = HttpPipelineBuilder.Build(options, [], [new ServiceBusBearerTokenPolicy(credential, EntraScope)], new ResponseClassifier());
    }

    /// <summary>The queue or topic name.</summary>
    public string EntityPath { get; }

    /// <summary>Sends one message. Throws <see cref="RequestFailedException"/> when the broker refuses it after retries.</summary>
    public virtual async Task<Response> SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var http = pipeline.CreateMessage();
        var request = http.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(messagesUri);
        request.Uri.AppendQuery("api-version", "2021-05");
        request.Headers.SetValue("Content-Type", message.ContentType ?? "application/octet-stream");
        request.Headers.SetValue("BrokerProperties", BrokerProperties(message));
        foreach (var (name, value) in message.ApplicationProperties) request.Headers.SetValue(HeaderName(name), PropertyValue(value));
        request.Content = RequestContent.Create(message.Body);

        await pipeline.SendAsync(http, cancellationToken).ConfigureAwait(false);
        var response = http.Response;
        if (response.Status != 201) throw await CreateFailureAsync(response).ConfigureAwait(false);
        return response;
    }

    private static string BrokerProperties(ServiceBusMessage message)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (message.MessageId is not null) json.WriteString("MessageId", message.MessageId);
            if (message.CorrelationId is not null) json.WriteString("CorrelationId", message.CorrelationId);
            if (message.Subject is not null) json.WriteString("Label", message.Subject);
            if (message.SessionId is not null) json.WriteString("SessionId", message.SessionId);
            if (message.TimeToLive is { } ttl) json.WriteNumber("TimeToLive", (long)ttl.TotalSeconds);
            if (message.ScheduledEnqueueTime is { } at) json.WriteString("ScheduledEnqueueTimeUtc", at.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // Custom properties travel as headers; string values are quoted so the broker keeps them strings ("00123" stays text).
    private static string PropertyValue(object value) => value switch
    {
        string text => JsonSerializer.Serialize(text),
        bool flag => flag ? "true" : "false",
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset instant => JsonSerializer.Serialize(instant.UtcDateTime.ToString("R", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"Application property values must be string, bool, number or DateTimeOffset, not {value.GetType().Name}."),
    };

    private static string HeaderName(string name)
    {
        if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal)))
            throw new ArgumentException($"Application property name '{name}' cannot be sent as an HTTP header.", nameof(name));
        return name;
    }

    private static string ResolveEntity(string? entityPath)
    {
        if (string.IsNullOrWhiteSpace(entityPath))
            throw new ArgumentException("A Service Bus queue or topic name is needed (EntityPath in the connection string, or the entityPath argument).", nameof(entityPath));
        return entityPath.Trim('/');
    }

    private static async Task<RequestFailedException> CreateFailureAsync(Response response)
    {
        var body = response.ContentStream is null ? "" : await new StreamReader(response.ContentStream).ReadToEndAsync().ConfigureAwait(false);
        // Service Bus answers errors with <Error><Code>…</Code><Detail>…</Detail></Error>; the detail is what helps.
        var detailStart = body.IndexOf("<Detail>", StringComparison.Ordinal);
        var detailEnd = body.IndexOf("</Detail>", StringComparison.Ordinal);
        var detail = detailStart >= 0 && detailEnd > detailStart ? body[(detailStart + 8)..detailEnd] : body;
        var code = response.Status switch
        {
            401 => "Unauthorized",
            403 => "QuotaExceededOrMessageTooLarge",
            404 or 410 => "MessagingEntityNotFound",
            _ => response.Status.ToString(CultureInfo.InvariantCulture),
        };
        return new RequestFailedException(response.Status, $"Service Bus refused the message ({response.Status} {response.ReasonPhrase}): {detail}".Trim(), code, null);
    }
}

using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using FeedWatch.Azure.Common;

namespace FeedWatch.Azure.Storage.Queues;

/// <summary>
/// A client for one queue over the Queue Storage REST API (x-ms-version pinned): create, send (base64 text by
/// default, as the Functions trigger expects), receive a batch under a visibility timeout, peek, update
/// visibility, delete by pop receipt, and read the approximate count. Methods are virtual so tests can substitute them.
/// </summary>
public class QueueClient
{
    private readonly HttpPipeline pipeline;
    private readonly QueueClientOptions options;

    public QueueClient(Uri queueUri, StorageAuthentication authentication, QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        Uri = new Uri(queueUri.ToString().TrimEnd('/'));
        Name = Uri.Segments[^1].Trim('/');
        this.options = options ?? new QueueClientOptions();
        pipeline = StoragePipeline.Build(this.options, authentication, this.options.ServiceVersion);
    }

    public QueueClient(Uri queueUri, AzureNamedKeyCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StorageAuthentication.SharedKey(credential), options)
    {
    }

    public QueueClient(Uri queueUri, AzureSasCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StorageAuthentication.Sas(credential), options)
    {
    }

    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StorageAuthentication.Token(credential), options)
    {
    }

    public QueueClient(StorageConnection connection, string queueName, QueueClientOptions? options = null)
        : this(QueueUri(connection, queueName), connection.Authentication, options)
    {
    }

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        Uri = new Uri("http://localhost/mock");
        Name = "mock";
        options = new QueueClientOptions();
        pipeline = HttpPipelineBuilder.Build(options);
    }

    public Uri Uri { get; }

    public string Name { get; }

    /// <summary>Creates the queue; false when it already existed.</summary>
    public virtual async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Put, Uri);
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 201, 204).ConfigureAwait(false);
        return response.Status == 201;
    }

    /// <summary>Deletes the queue and its messages; false when it did not exist.</summary>
    public virtual async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, Uri);
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
        return response.Status == 204;
    }

    /// <summary>
    /// Adds a message, hidden for <paramref name="visibilityTimeout"/> first. <paramref name="timeToLive"/> null means
    /// the message never expires (FeedWatch never lets work silently disappear after the service's 7-day default).
    /// </summary>
    public virtual async Task<SendReceipt> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var query = new List<(string, string)> { ("messagettl", timeToLive is null ? "-1" : StorageResponses.Seconds(timeToLive.Value)) };
        if (visibilityTimeout is { } delay && delay > TimeSpan.Zero)
        {
            query.Add(("visibilitytimeout", StorageResponses.Seconds(delay)));
        }

        using var message = CreateMessage(RequestMethod.Post, MessagesUri, [.. query]);
        var body = new XElement("QueueMessage", new XElement("MessageText", Encode(messageText)));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.ToString(SaveOptions.DisableFormatting)));
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 201).ConfigureAwait(false);
        var item = ParseMessages(response).Single();
        return new SendReceipt(
            item.Element("MessageId")!.Value,
            item.Element("PopReceipt")!.Value,
            Date(item, "InsertionTime"),
            Date(item, "ExpirationTime"),
            Date(item, "TimeNextVisible"));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32) messages and hides them for <paramref name="visibilityTimeout"/> (at least 1 s).</summary>
    public virtual async Task<IReadOnlyList<QueueMessageItem>> ReceiveMessagesAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var seconds = visibilityTimeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : visibilityTimeout;
        using var message = CreateMessage(
            RequestMethod.Get,
            MessagesUri,
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)),
            ("visibilitytimeout", StorageResponses.Seconds(seconds)));
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return ParseMessages(response).Select(ToItem).ToList();
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> visible messages without hiding them.</summary>
    public virtual async Task<IReadOnlyList<QueueMessageItem>> PeekMessagesAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(
            RequestMethod.Get,
            MessagesUri,
            ("peekonly", "true"),
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)));
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return ParseMessages(response).Select(ToItem).ToList();
    }

    /// <summary>Changes a received message's visibility; throws 404 MessageNotFound when the pop receipt is stale.</summary>
    public virtual async Task<UpdateReceipt> UpdateMessageAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = CreateMessage(
            RequestMethod.Put,
            MessageUri(messageId),
            ("popreceipt", popReceipt),
            ("visibilitytimeout", StorageResponses.Seconds(visibilityTimeout)));
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 204).ConfigureAwait(false);
        return new UpdateReceipt(response.Header("x-ms-popreceipt")!, StorageResponses.HttpDate(response.Header("x-ms-time-next-visible")));
    }

    /// <summary>Deletes a received message; throws 404 MessageNotFound when the pop receipt is stale or the message gone.</summary>
    public virtual async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = CreateMessage(RequestMethod.Delete, MessageUri(messageId), ("popreceipt", popReceipt));
        await pipeline.SendCheckedAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    public virtual async Task<QueueProperties> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, Uri, ("comp", "metadata"));
        var response = await pipeline.SendCheckedAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.Ordinal);
        var count = int.Parse(response.Header("x-ms-approximate-messages-count") ?? "0", CultureInfo.InvariantCulture);
        return new QueueProperties(count, metadata);
    }

    private Uri MessagesUri => new($"{Uri}/messages");

    private Uri MessageUri(string messageId) => new($"{Uri}/messages/{Uri.EscapeDataString(messageId)}");

    private string Encode(string text) =>
        options.MessageEncoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    private string Decode(string text)
    {
        if (options.MessageEncoding != QueueMessageEncoding.Base64)
        {
            return text;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"A message in queue '{Name}' is not base64 text; it was not sent with base64 encoding.", ex);
        }
    }

    private QueueMessageItem ToItem(XElement item)
    {
        var nextVisible = item.Element("TimeNextVisible")?.Value;
        return new QueueMessageItem(
            item.Element("MessageId")!.Value,
            item.Element("PopReceipt")?.Value,
            Decode(item.Element("MessageText")?.Value ?? string.Empty),
            long.Parse(item.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
            Date(item, "InsertionTime"),
            Date(item, "ExpirationTime"),
            nextVisible is null ? null : StorageResponses.HttpDate(nextVisible));
    }

    private static IEnumerable<XElement> ParseMessages(Response response) =>
        SafeXml.Parse(response.ContentStream!).Root?.Elements("QueueMessage") ?? [];

    private static DateTimeOffset Date(XElement item, string name) => StorageResponses.HttpDate(item.Element(name)?.Value);

    private HttpMessage CreateMessage(RequestMethod method, Uri uri, params (string Name, string Value)[] query)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        foreach (var (name, value) in query)
        {
            message.Request.Uri.AppendQuery(name, value);
        }

        message.Request.Headers.SetValue("Accept", "application/xml");
        return message;
    }

    private static Uri QueueUri(StorageConnection connection, string queueName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        return new Uri(connection.QueueServiceUri.ToString().TrimEnd('/') + "/" + queueName);
    }
}

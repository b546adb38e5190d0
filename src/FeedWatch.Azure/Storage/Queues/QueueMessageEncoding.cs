namespace FeedWatch.Azure.Storage.Queues;

/// <summary>How message text travels. Base64 is what the Azure Functions queue trigger expects by default.</summary>
public enum QueueMessageEncoding
{
    Base64,
    None,
}

namespace FeedWatch.Azure.Common;

/// <summary>
/// The Storage REST API version every request pins in x-ms-version, so the service (and Azurite) answer with the
/// behaviour these clients were written against, whatever newer versions change.
/// </summary>
public static class StorageServiceVersion
{
    public const string Pinned = "2025-11-05";
}

namespace FeedWatch.Benchmarks.Storage;

/// <summary>Which storage the storage benchmarks run against.</summary>
public enum StorageBackend
{
    /// <summary>The embedded folder store and file-per-message queue.</summary>
    Local,

    /// <summary>The Azure REST clients against a local Azurite.</summary>
    Azurite,
}

namespace FeedWatch.Storage.Local;

/// <summary>Where the embedded default keeps its data under the data folder (`--data DIR`).</summary>
public sealed record LocalStorageLayout
{
    public LocalStorageLayout(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        BlobsDirectory = Path.Combine(DataDirectory, "blobs");
        QueuesDirectory = Path.Combine(DataDirectory, "queues");
    }

    public string DataDirectory { get; }

    public string BlobsDirectory { get; }

    public string QueuesDirectory { get; }
}

using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Storage.Local.Blobs;
using FeedWatch.Storage.Tests.Contracts;

namespace FeedWatch.Storage.Tests.Local;

public sealed class LocalBlobStoreContractTests : BlobStoreContractTests, IDisposable
{
    private readonly LocalStorageTestFolder folder = new();

    // A new instance has its own in-process locks, so two instances exclude each other only through the
    // cross-process file locks: exactly what two `feedwatch run` processes rely on.
    protected override IBlobStore OpenStore() => new LocalBlobStore(folder.Path);

    public void Dispose() => folder.Dispose();
}

using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local;
using FeedWatch.Storage.Local.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace FeedWatch.Storage.Tests.Local;

public sealed class LocalMessageQueueDiskTests : IDisposable
{
    private readonly LocalStorageTestFolder folder = new();

    [Fact]
    public async Task Each_message_is_one_file_and_stray_temp_files_are_ignored()
    {
        var queue = new LocalQueueProvider(folder.Path).GetQueue("feedwatch-poll-feed");
        var sent = await queue.SendAsync("{\"feedId\":\"a\"}");
        Directory.CreateDirectory(Path.Combine(folder.Path, ".feedwatch", "tmp"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, ".feedwatch", "tmp", "partial.tmp"), "{\"id\":");

        var files = Directory.GetFiles(Path.Combine(folder.Path, "feedwatch-poll-feed", "messages"));

        Assert.Equal([sent.Id + ".json"], files.Select(Path.GetFileName));
        Assert.Equal(1, await new LocalQueueProvider(folder.Path).GetQueue("feedwatch-poll-feed").GetApproximateCountAsync());
    }

    [Fact]
    public async Task Forged_message_ids_never_touch_other_files()
    {
        var queue = new LocalQueueProvider(folder.Path).GetQueue("feedwatch-poll-feed");
        await queue.SendAsync("x");

        Assert.False(await queue.DeleteAsync("../../etc/passwd", "receipt"));
        Assert.Equal(1, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public void AddLocalStorage_registers_both_ports_under_the_data_folder()
    {
        using var services = new ServiceCollection().AddLocalStorage(folder.Path).BuildServiceProvider();

        Assert.IsType<Storage.Local.Blobs.LocalBlobStore>(services.GetRequiredService<IBlobStore>());
        var queues = Assert.IsType<LocalQueueProvider>(services.GetRequiredService<IQueueProvider>());
        Assert.Equal(Path.Combine(Path.GetFullPath(folder.Path), "queues"), queues.RootDirectory);
    }

    public void Dispose() => folder.Dispose();
}

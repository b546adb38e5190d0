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
    public async Task A_receive_renames_the_file_and_never_rewrites_the_message()
    {
        var queue = new LocalQueueProvider(folder.Path).GetQueue("feedwatch-poll-feed");
        var sent = await queue.SendAsync("{\"feedId\":\"a\"}");
        var messages = Path.Combine(folder.Path, "feedwatch-poll-feed", "messages");
        var written = await File.ReadAllBytesAsync(Path.Combine(messages, sent.Id + ".json"));

        var received = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1)));

        var file = Assert.Single(Directory.GetFiles(messages));
        Assert.Equal($"{sent.Id}.{received.PopReceipt}.json", Path.GetFileName(file));
        Assert.Equal(written, await File.ReadAllBytesAsync(file));
        // Another process on the folder sees the lease: the message stays hidden there too.
        Assert.Empty(await new LocalQueueProvider(folder.Path).GetQueue("feedwatch-poll-feed").ReceiveAsync(32, TimeSpan.FromMinutes(1)));
        Assert.True(await queue.DeleteAsync(received.Id, received.PopReceipt));
        Assert.Empty(Directory.GetFiles(messages));
    }

    [Fact]
    public async Task A_message_file_that_holds_its_state_inside_is_received_with_that_state()
    {
        // What earlier versions wrote: the delivery state in the file, rewritten on every receive.
        var messages = Path.Combine(folder.Path, "feedwatch-poll-feed", "messages");
        Directory.CreateDirectory(messages);
        const string id = "08dd000000000000-0123456789ab";
        await File.WriteAllTextAsync(
            Path.Combine(messages, id + ".json"),
            $"{{\"id\":\"{id}\",\"body\":\"x\",\"insertedOn\":\"2026-01-01T00:00:00+00:00\",\"nextVisibleOn\":\"2026-01-01T00:00:00+00:00\",\"dequeueCount\":2,\"popReceipt\":\"0123456789abcdef\"}}");
        var queue = new LocalQueueProvider(folder.Path).GetQueue("feedwatch-poll-feed");

        var received = Assert.Single(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1)));

        Assert.Equal((id, "x", 3L), (received.Id, received.Body, received.DequeueCount));
        Assert.False(await queue.DeleteAsync(id, "0123456789abcdef"));
        Assert.True(await queue.DeleteAsync(id, received.PopReceipt));
    }

    [Fact]
    public async Task WhenSent_completes_on_the_next_send_to_that_queue_only()
    {
        var provider = new LocalQueueProvider(folder.Path);
        var poll = provider.WhenSent("feedwatch-poll-feed");
        var fetch = provider.WhenSent("feedwatch-fetch-article");
        Assert.False(poll.IsCompleted);

        await provider.GetQueue("feedwatch-poll-feed").SendAsync("x");

        await poll.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(fetch.IsCompleted);
        Assert.False(provider.WhenSent("feedwatch-poll-feed").IsCompleted);
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

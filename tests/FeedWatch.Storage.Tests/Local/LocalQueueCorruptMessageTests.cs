using System.Text;
using FeedWatch.Storage.Local.Queues;

namespace FeedWatch.Storage.Tests.Local;

/// <summary>A corrupt message file (truncated JSON, binary garbage) moves to "{queue}-poison" and the messages behind it flow on.</summary>
public sealed class LocalQueueCorruptMessageTests : IDisposable
{
    private readonly LocalStorageTestFolder folder = new();

    [Theory]
    [InlineData("{\"id\":\"00000000000000-aa\",\"body\":\"{\\\"feedId\\\":\"")] // truncated JSON
    [InlineData("\u0001\u0002not json at all")]
    public async Task A_corrupt_file_is_poisoned_and_the_valid_message_behind_it_is_received(string corrupt)
    {
        var provider = new LocalQueueProvider(folder.Path);
        var queue = provider.GetQueue("feedwatch-poll-feed");
        await queue.CreateIfNotExistsAsync();
        var valid = await queue.SendAsync("{\"feedId\":\"a\"}");
        // Sorts before every real id, as the review's truncated file did.
        var corruptPath = Path.Combine(folder.Path, "feedwatch-poll-feed", "messages", "0000000000000000-000000000000.json");
        await File.WriteAllTextAsync(corruptPath, corrupt);

        var received = await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1));

        Assert.Equal([valid.Id], received.Select(m => m.Id));
        Assert.False(File.Exists(corruptPath));
        var poison = provider.GetQueue("feedwatch-poll-feed-poison");
        var kept = Assert.Single(await poison.PeekAsync(32));
        Assert.Equal(corrupt, kept.Body);
        Assert.True(await queue.DeleteAsync(valid.Id, received[0].PopReceipt));
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Bytes_that_are_not_text_are_kept_as_base64()
    {
        var provider = new LocalQueueProvider(folder.Path);
        var queue = provider.GetQueue("feedwatch-fetch-article");
        await queue.CreateIfNotExistsAsync();
        byte[] garbage = [0xff, 0xfe, 0x00, 0xc3, 0x28];
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "feedwatch-fetch-article", "messages", "0000000000000000-000000000001.json"), garbage);

        Assert.Empty(await queue.ReceiveAsync(32, TimeSpan.FromMinutes(1)));

        var kept = Assert.Single(await provider.GetQueue("feedwatch-fetch-article-poison").PeekAsync(32));
        Assert.Equal(garbage, Convert.FromBase64String(kept.Body["base64:".Length..]));
    }

    public void Dispose() => folder.Dispose();
}

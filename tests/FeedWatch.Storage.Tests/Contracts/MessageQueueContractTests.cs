using System.Collections.Concurrent;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Storage.Tests.Contracts;

/// <summary>
/// What every queue backend must do. <see cref="OpenProvider"/> opens another handle on the same storage
/// (a restarted or a second process); <see cref="QueueName"/> is unique per test.
/// </summary>
public abstract class MessageQueueContractTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    protected abstract IQueueProvider OpenProvider();

    protected string QueueName { get; } = "fw-test-" + Guid.NewGuid().ToString("N")[..12];

    private async Task<IMessageQueue> CreateQueueAsync(IQueueProvider? provider = null)
    {
        var queue = (provider ?? OpenProvider()).GetQueue(QueueName);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Received_message_carries_body_dequeue_count_and_pop_receipt_and_is_hidden()
    {
        var queue = await CreateQueueAsync();
        var sent = await queue.SendAsync("{\"feedId\":\"f1\",\"text\":\"café ✓\"}");

        var received = Assert.Single(await queue.ReceiveAsync(10, Long));

        Assert.Equal(sent.Id, received.Id);
        Assert.Equal("{\"feedId\":\"f1\",\"text\":\"café ✓\"}", received.Body);
        Assert.Equal(1, received.DequeueCount);
        Assert.False(string.IsNullOrEmpty(received.PopReceipt));
        Assert.True(received.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(3));
        Assert.Empty(await queue.ReceiveAsync(10, Long));
        Assert.Equal(1, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Message_reappears_after_its_visibility_timeout_with_a_higher_dequeue_count()
    {
        var queue = await CreateQueueAsync();
        await queue.SendAsync("again");
        var first = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var second = Assert.Single(await queue.ReceiveAsync(1, Long));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
        Assert.False(await queue.DeleteAsync(first.Id, first.PopReceipt));
        Assert.True(await queue.DeleteAsync(second.Id, second.PopReceipt));
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Peek_neither_hides_nor_counts_a_dequeue()
    {
        var queue = await CreateQueueAsync();
        await queue.SendAsync("peeked");

        var peeked = Assert.Single(await queue.PeekAsync(5));
        Assert.Single(await queue.PeekAsync(5));
        var received = Assert.Single(await queue.ReceiveAsync(1, Long));

        Assert.Equal("peeked", peeked.Body);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal(1, received.DequeueCount);
        Assert.Empty(await queue.PeekAsync(5));
    }

    [Fact]
    public async Task Approximate_count_includes_hidden_messages()
    {
        var queue = await CreateQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendAsync($"m{i}");
        }

        await queue.ReceiveAsync(2, Long);

        Assert.Equal(5, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Messages_arrive_in_send_order_and_batches_respect_the_maximum()
    {
        var queue = await CreateQueueAsync();
        for (var i = 0; i < 7; i++)
        {
            await queue.SendAsync($"m{i}");
        }

        var batch1 = await queue.ReceiveAsync(4, Long);
        var batch2 = await queue.ReceiveAsync(32, Long);

        Assert.Equal(["m0", "m1", "m2", "m3"], batch1.Select(m => m.Body));
        Assert.Equal(["m4", "m5", "m6"], batch2.Select(m => m.Body));
    }

    [Fact]
    public async Task Initial_visibility_delay_hides_a_new_message()
    {
        var queue = await CreateQueueAsync();
        await queue.SendAsync("later", TimeSpan.FromSeconds(1));

        Assert.Empty(await queue.ReceiveAsync(1, Long));
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal("later", Assert.Single(await queue.ReceiveAsync(1, Long)).Body);
    }

    [Fact]
    public async Task Update_visibility_extends_or_releases_and_renews_the_pop_receipt()
    {
        var queue = await CreateQueueAsync();
        await queue.SendAsync("work");
        var received = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(1)));

        var extended = await queue.UpdateVisibilityAsync(received, Long);
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Empty(await queue.ReceiveAsync(1, Long));

        var released = await queue.UpdateVisibilityAsync(extended, TimeSpan.Zero);
        var again = Assert.Single(await queue.ReceiveAsync(1, Long));

        Assert.NotEqual(received.PopReceipt, extended.PopReceipt);
        Assert.NotEqual(extended.PopReceipt, released.PopReceipt);
        Assert.Equal(received.Id, again.Id);
        Assert.Equal(2, again.DequeueCount);
        Assert.False(await queue.DeleteAsync(released.Id, released.PopReceipt));
        await Assert.ThrowsAsync<QueueMessageNotFoundException>(() => queue.UpdateVisibilityAsync(received, Long));
    }

    [Fact]
    public async Task Oversized_message_is_rejected_with_a_clear_error()
    {
        var queue = await CreateQueueAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(new string('x', QueueMessageLimits.MaxBodyBytes + 1)));
        Assert.Contains("limit", error.Message, StringComparison.Ordinal);

        await queue.SendAsync(new string('y', QueueMessageLimits.MaxBodyBytes));
        Assert.Equal(QueueMessageLimits.MaxBodyBytes, Assert.Single(await queue.ReceiveAsync(1, Long)).Body.Length);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper-case")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public void Invalid_queue_names_are_rejected(string name)
    {
        Assert.Throws<ArgumentException>(() => OpenProvider().GetQueue(name));
    }

    [Fact]
    public async Task Messages_survive_reopening_the_provider_including_received_ones()
    {
        var queue = await CreateQueueAsync();
        for (var i = 0; i < 6; i++)
        {
            await queue.SendAsync($"m{i}");
        }

        await queue.ReceiveAsync(3, TimeSpan.FromSeconds(1));

        var reopened = OpenProvider().GetQueue(QueueName);
        Assert.Equal(6, await reopened.GetApproximateCountAsync());
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var all = await reopened.ReceiveAsync(32, Long);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4", "m5"], all.Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.Equal(3, all.Count(m => m.DequeueCount == 2));
    }

    [Fact]
    public async Task Competing_consumers_on_two_providers_receive_each_message_exactly_once()
    {
        var queue = await CreateQueueAsync();
        var sent = new HashSet<string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(Enumerable.Range(0, 150), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, ct) =>
            await queue.SendAsync($"msg-{i}", cancellationToken: ct));
        for (var i = 0; i < 150; i++)
        {
            sent.Add($"msg-{i}");
        }

        IQueueProvider[] providers = [OpenProvider(), OpenProvider()];
        var seen = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            var consumer = providers[w % 2].GetQueue(QueueName);
            var emptyPolls = 0;
            while (emptyPolls < 3)
            {
                var batch = await consumer.ReceiveAsync(8, Long);
                if (batch.Count == 0)
                {
                    emptyPolls++;
                    continue;
                }

                emptyPolls = 0;
                foreach (var message in batch)
                {
                    seen.Add(message.Body);
                    Assert.True(await consumer.DeleteAsync(message.Id, message.PopReceipt));
                }
            }
        })));

        Assert.Equal(sent.Count, seen.Count);
        Assert.True(sent.SetEquals(seen));
        Assert.Equal(0, await queue.GetApproximateCountAsync());
    }

    [Fact]
    public async Task Poison_mover_moves_a_message_received_more_than_the_maximum_count()
    {
        var provider = OpenProvider();
        var queue = await CreateQueueAsync(provider);
        var mover = new PoisonMessageMover(provider);
        await queue.SendAsync("bad");

        QueueMessage message;
        var moved = false;
        var rounds = 0;
        do
        {
            message = Assert.Single(await queue.ReceiveAsync(1, Long));
            rounds++;
            moved = await mover.TryMoveAsync(queue, message);
            if (!moved)
            {
                // The handler "failed": make the message visible again at once, as an expired lease would.
                await queue.UpdateVisibilityAsync(message, TimeSpan.Zero);
            }
        }
        while (!moved);

        Assert.Equal(QueueNames.MaxDequeueCount + 1, rounds);
        Assert.Equal(QueueNames.MaxDequeueCount + 1, message.DequeueCount);
        Assert.Equal(0, await queue.GetApproximateCountAsync());
        var poison = provider.GetQueue(QueueNames.Poison(QueueName));
        Assert.Equal("bad", Assert.Single(await poison.PeekAsync(32)).Body);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FeedWatch.Core.Ports.Blobs;

namespace FeedWatch.Storage.Tests.Contracts;

/// <summary>
/// What every <see cref="IBlobStore"/> must do. Each backend derives one class from this; the store is fresh per test.
/// <see cref="OpenStore"/> opens another handle on the same storage: a restarted process, or a second process.
/// </summary>
public abstract class BlobStoreContractTests
{
    protected abstract IBlobStore OpenStore();

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(BlobContent content) => Encoding.UTF8.GetString(content.Content.Span);

    [Fact]
    public async Task Get_of_a_missing_blob_is_null()
    {
        Assert.Null(await OpenStore().GetAsync("nothing/here.json"));
    }

    [Fact]
    public async Task Put_then_get_round_trips_content_and_properties()
    {
        var store = OpenStore();
        var options = new BlobPutOptions
        {
            ContentType = "application/json; charset=utf-8",
            ContentEncoding = "identity",
            Metadata = new Dictionary<string, string> { ["outlet"] = "seed-a.example", ["title"] = "Déjà vu – “quoted”" },
        };

        var put = await store.PutAsync("articles/2026/11/20/seed-a.example/story-1.json", Utf8("{\"a\":1}"), options);
        var got = await store.GetAsync("articles/2026/11/20/seed-a.example/story-1.json");

        Assert.True(put.Written);
        Assert.NotNull(got);
        Assert.Equal("{\"a\":1}", Text(got));
        Assert.Equal(put.ETag, got.Info.ETag);
        Assert.Equal(7, got.Info.Length);
        Assert.Equal("application/json; charset=utf-8", got.Info.ContentType);
        Assert.Equal("identity", got.Info.ContentEncoding);
        Assert.Equal("seed-a.example", got.Info.Metadata["outlet"]);
        Assert.Equal("Déjà vu – “quoted”", got.Info.Metadata["title"]);
        Assert.Equal("articles/2026/11/20/seed-a.example/story-1.json", got.Info.Name);
        Assert.InRange(got.Info.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Empty_blob_round_trips()
    {
        var store = OpenStore();
        Assert.True((await store.PutAsync("empty", ReadOnlyMemory<byte>.Empty, new BlobPutOptions())).Written);
        var got = await store.GetAsync("empty");
        Assert.NotNull(got);
        Assert.Equal(0, got.Info.Length);
        Assert.Equal(0, got.Content.Length);
    }

    [Fact]
    public async Task Large_blob_round_trips_byte_for_byte()
    {
        var store = OpenStore();
        var bytes = new byte[(9 * 1024 * 1024) + 12345];
        new Random(42).NextBytes(bytes);

        Assert.True((await store.PutAsync("raw/large.bin", bytes, new BlobPutOptions { ContentEncoding = "gzip" })).Written);
        var got = await store.GetAsync("raw/large.bin");

        Assert.NotNull(got);
        Assert.Equal(bytes.Length, got.Info.Length);
        Assert.True(bytes.AsSpan().SequenceEqual(got.Content.Span));
        Assert.Equal("gzip", got.Info.ContentEncoding);
    }

    [Fact]
    public async Task Create_only_write_fails_when_the_blob_exists_and_keeps_the_original()
    {
        var store = OpenStore();
        var first = await store.PutAsync("stories/s1.json", Utf8("first"), BlobPutOptions.Json(createOnly: true));
        var second = await store.PutAsync("stories/s1.json", Utf8("second"), BlobPutOptions.Json(createOnly: true));

        Assert.True(first.Written);
        Assert.False(second.Written);
        var got = await store.GetAsync("stories/s1.json");
        Assert.Equal("first", Text(got!));
        Assert.Equal(first.ETag, got!.Info.ETag);
    }

    [Fact]
    public async Task If_match_write_succeeds_with_the_current_etag_and_changes_it()
    {
        var store = OpenStore();
        var first = await store.PutAsync("stories/s2.json", Utf8("v1"), BlobPutOptions.Json());
        var second = await store.PutAsync("stories/s2.json", Utf8("v2"), BlobPutOptions.Json(ifMatch: first.ETag));

        Assert.True(second.Written);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("v2", Text((await store.GetAsync("stories/s2.json"))!));
    }

    [Fact]
    public async Task If_match_write_fails_with_a_stale_etag()
    {
        var store = OpenStore();
        var first = await store.PutAsync("stories/s3.json", Utf8("v1"), BlobPutOptions.Json());
        await store.PutAsync("stories/s3.json", Utf8("v2"), BlobPutOptions.Json());

        var stale = await store.PutAsync("stories/s3.json", Utf8("v3"), BlobPutOptions.Json(ifMatch: first.ETag));

        Assert.False(stale.Written);
        Assert.Equal("v2", Text((await store.GetAsync("stories/s3.json"))!));
    }

    [Fact]
    public async Task If_match_write_fails_when_the_blob_does_not_exist()
    {
        var store = OpenStore();
        var result = await store.PutAsync("stories/none.json", Utf8("v1"), BlobPutOptions.Json(ifMatch: "\"0x8D0000000000000\""));
        Assert.False(result.Written);
        Assert.Null(await store.GetAsync("stories/none.json"));
    }

    [Fact]
    public async Task Unconditional_overwrite_replaces_content_and_etag()
    {
        var store = OpenStore();
        var first = await store.PutAsync("feeds/f.json", Utf8("one"), new BlobPutOptions { ContentType = "text/plain" });
        var second = await store.PutAsync("feeds/f.json", Utf8("two!"), new BlobPutOptions { ContentType = "application/json" });
        var got = await store.GetAsync("feeds/f.json");

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("two!", Text(got!));
        Assert.Equal("application/json", got!.Info.ContentType);
        Assert.Equal(4, got.Info.Length);
    }

    [Fact]
    public async Task List_returns_names_under_the_prefix_in_ordinal_order_with_properties()
    {
        var store = OpenStore();
        string[] names =
        [
            "articles/2026/11/20/b.example/z.json",
            "articles/2026/11/20/a.example/y.json",
            "articles/2026/11/21/a.example/x.json",
            "articles/2026/11/2X.json",
            "articles/2026/12/01/a.example/w.json",
            "alerts/2026/11/20/1.json",
            "stories/s.json",
        ];
        foreach (var name in names)
        {
            await store.PutAsync(name, Utf8(name), new BlobPutOptions { ContentType = "text/plain", Metadata = new Dictionary<string, string> { ["k"] = "v" } });
        }

        var listed = await ToListAsync(store.ListAsync("articles/2026/11/2"));

        Assert.Equal(
            ["articles/2026/11/20/a.example/y.json", "articles/2026/11/20/b.example/z.json", "articles/2026/11/21/a.example/x.json", "articles/2026/11/2X.json"],
            listed.Select(b => b.Name));
        Assert.All(listed, b => Assert.Equal("text/plain", b.ContentType));
        Assert.All(listed, b => Assert.Equal(b.Name.Length, b.Length));
        Assert.All(listed, b => Assert.Equal("v", b.Metadata["k"]));
        Assert.Equal(names.Length, (await ToListAsync(store.ListAsync(string.Empty))).Count);
        Assert.Empty(await ToListAsync(store.ListAsync("nope/")));
    }

    [Fact]
    public async Task List_pages_through_many_blobs()
    {
        var store = OpenStore();
        var expected = Enumerable.Range(0, 230).Select(i => $"many/{i:D4}.txt").ToList();
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
            await store.PutAsync(name, Utf8("x"), new BlobPutOptions(), ct));

        var listed = await ToListAsync(store.ListAsync("many/"));

        Assert.Equal(expected, listed.Select(b => b.Name));
    }

    [Fact]
    public async Task Delete_removes_the_blob_once()
    {
        var store = OpenStore();
        await store.PutAsync("alerts/a.json", Utf8("x"), BlobPutOptions.Json());

        Assert.True(await store.DeleteAsync("alerts/a.json"));
        Assert.Null(await store.GetAsync("alerts/a.json"));
        Assert.False(await store.DeleteAsync("alerts/a.json"));
        Assert.Empty(await ToListAsync(store.ListAsync("alerts/")));
        Assert.True((await store.PutAsync("alerts/a.json", Utf8("y"), BlobPutOptions.Json(createOnly: true))).Written);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_keeps_the_blob()
    {
        var store = OpenStore();
        var first = await store.PutAsync("alerts/b.json", Utf8("1"), BlobPutOptions.Json());
        var second = await store.PutAsync("alerts/b.json", Utf8("2"), BlobPutOptions.Json());

        Assert.False(await store.DeleteAsync("alerts/b.json", first.ETag));
        Assert.NotNull(await store.GetAsync("alerts/b.json"));
        Assert.True(await store.DeleteAsync("alerts/b.json", second.ETag));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/leading")]
    [InlineData("a//b")]
    [InlineData("a/../b")]
    [InlineData("trailing/")]
    [InlineData("back\\slash")]
    public async Task Invalid_names_are_rejected_with_a_clear_error(string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => OpenStore().PutAsync(name, Utf8("x"), new BlobPutOptions()));
        Assert.Contains("blob name", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Blobs_survive_reopening_the_store()
    {
        var put = await OpenStore().PutAsync("stories/durable.json", Utf8("kept"), BlobPutOptions.Json());

        var reopened = OpenStore();
        var got = await reopened.GetAsync("stories/durable.json");

        Assert.Equal("kept", Text(got!));
        Assert.Equal(put.ETag, got!.Info.ETag);
        Assert.False((await reopened.PutAsync("stories/durable.json", Utf8("x"), BlobPutOptions.Json(ifMatch: "\"stale\""))).Written);
    }

    [Fact]
    public async Task Racing_create_only_writes_from_two_stores_have_exactly_one_winner()
    {
        IBlobStore[] stores = [OpenStore(), OpenStore()];
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            stores[i % 2].PutAsync("stories/race.json", Utf8($"writer-{i}"), BlobPutOptions.Json(createOnly: true)))));

        var winners = results.Select((result, i) => (result, i)).Where(x => x.result.Written).ToList();
        Assert.Single(winners);
        var got = await stores[0].GetAsync("stories/race.json");
        Assert.Equal($"writer-{winners[0].i}", Text(got!));
        Assert.Equal(winners[0].result.ETag, got!.Info.ETag);
    }

    [Fact]
    public async Task Racing_if_match_writes_on_the_same_etag_have_exactly_one_winner()
    {
        IBlobStore[] stores = [OpenStore(), OpenStore()];
        var initial = await stores[0].PutAsync("stories/cas.json", Utf8("start"), BlobPutOptions.Json());

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            stores[i % 2].PutAsync("stories/cas.json", Utf8($"writer-{i}"), BlobPutOptions.Json(ifMatch: initial.ETag)))));

        var winners = results.Select((result, i) => (result, i)).Where(x => x.result.Written).ToList();
        Assert.Single(winners);
        Assert.Equal($"writer-{winners[0].i}", Text((await stores[1].GetAsync("stories/cas.json"))!));
    }

    [Fact]
    public async Task Read_modify_write_with_retry_on_conflict_loses_no_update()
    {
        IBlobStore[] stores = [OpenStore(), OpenStore()];
        await stores[0].PutAsync("stories/counter.json", Utf8("0"), BlobPutOptions.Json());
        const int Workers = 6;
        const int IncrementsEach = 8;
        var conflicts = new ConcurrentBag<int>();

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var store = stores[w % 2];
            for (var n = 0; n < IncrementsEach; n++)
            {
                while (true)
                {
                    var current = (await store.GetAsync("stories/counter.json"))!;
                    var next = int.Parse(Text(current), CultureInfo.InvariantCulture) + 1;
                    var result = await store.PutAsync("stories/counter.json", Utf8(next.ToString(CultureInfo.InvariantCulture)), BlobPutOptions.Json(ifMatch: current.Info.ETag));
                    if (result.Written)
                    {
                        break;
                    }

                    conflicts.Add(1);
                }
            }
        })));

        Assert.Equal((Workers * IncrementsEach).ToString(CultureInfo.InvariantCulture), Text((await stores[0].GetAsync("stories/counter.json"))!));
    }

    [Fact]
    public async Task Concurrent_readers_never_see_a_torn_blob()
    {
        var writer = OpenStore();
        var reader = OpenStore();
        await writer.PutAsync("stories/torn.json", Utf8(new string('a', 50_000)), BlobPutOptions.Json());
        using var stop = new CancellationTokenSource();

        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                var letter = (char)('a' + (i % 26));
                await writer.PutAsync("stories/torn.json", Utf8(new string(letter, 50_000 + i)), BlobPutOptions.Json());
            }

            await stop.CancelAsync();
        });

        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            var got = await reader.GetAsync("stories/torn.json");
            Assert.NotNull(got);
            var text = Text(got);
            Assert.Equal(got.Info.Length, got.Content.Length);
            Assert.True(text.All(c => c == text[0]), "a read mixed two writes");
            reads++;
        }

        await writing;
        Assert.True(reads > 0);
    }

    protected static async Task<List<BlobInfo>> ToListAsync(IAsyncEnumerable<BlobInfo> source)
    {
        var list = new List<BlobInfo>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}

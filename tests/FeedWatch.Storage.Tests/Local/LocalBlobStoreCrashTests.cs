using System.Text;
using System.Text.Json;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;
using FeedWatch.Storage.Local.Blobs;

namespace FeedWatch.Storage.Tests.Local;

/// <summary>
/// The folder store's on-disk behaviour: readable paths, and what a crash at each step of a write or delete leaves.
/// Crashes are reproduced by laying out on disk exactly the files a killed process would have left.
/// </summary>
public sealed class LocalBlobStoreCrashTests : IDisposable
{
    private readonly LocalStorageTestFolder folder = new();

    private string Internals => Path.Combine(folder.Path, ".feedwatch");

    [Fact]
    public async Task Blob_names_map_to_readable_files_holding_exactly_the_content()
    {
        var store = new LocalBlobStore(folder.Path);
        await store.PutAsync("articles/2026/11/20/seed-a.example/embassy-ab12cd.json", Encoding.UTF8.GetBytes("{\"title\":\"x\"}"), BlobPutOptions.Json());

        var path = Path.Combine(folder.Path, "articles", "2026", "11", "20", "seed-a.example", "embassy-ab12cd.json");
        Assert.Equal("{\"title\":\"x\"}", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Stray_temp_files_from_a_crash_before_commit_are_ignored()
    {
        var store = new LocalBlobStore(folder.Path);
        await store.PutAsync("stories/s.json", Encoding.UTF8.GetBytes("committed"), BlobPutOptions.Json());
        Directory.CreateDirectory(Path.Combine(Internals, "tmp"));
        await File.WriteAllTextAsync(Path.Combine(Internals, "tmp", "0123456789abcdef.tmp"), "half a wri");

        var reopened = new LocalBlobStore(folder.Path);
        var listed = new List<string>();
        await foreach (var blob in reopened.ListAsync(string.Empty))
        {
            listed.Add(blob.Name);
        }

        Assert.Equal(["stories/s.json"], listed);
        Assert.Equal("committed", Encoding.UTF8.GetString((await reopened.GetAsync("stories/s.json"))!.Content.Span));
    }

    [Fact]
    public async Task A_write_interrupted_after_its_sidecar_is_finished_by_the_next_reader()
    {
        var store = new LocalBlobStore(folder.Path);
        await store.PutAsync("stories/s.json", Encoding.UTF8.GetBytes("old"), BlobPutOptions.Json());

        // The killed writer had fsync'd its temp content and renamed the new sidecar, but not yet renamed the content.
        var tempName = "fedcba9876543210.tmp";
        await File.WriteAllTextAsync(Path.Combine(Internals, "tmp", tempName), "new");
        var sidecar = new BlobSidecar("\"0xNEW\"", 3, "text/plain", null, DateTimeOffset.UtcNow, [], tempName);
        await File.WriteAllBytesAsync(Path.Combine(Internals, "props", "stories", "s.json.props.json"), JsonSerializer.SerializeToUtf8Bytes(sidecar, FeedWatchJson.Options));

        var got = await new LocalBlobStore(folder.Path).GetAsync("stories/s.json");

        Assert.Equal("new", Encoding.UTF8.GetString(got!.Content.Span));
        Assert.Equal("\"0xNEW\"", got.Info.ETag);
        Assert.Equal("text/plain", got.Info.ContentType);
        Assert.Equal("new", await File.ReadAllTextAsync(Path.Combine(folder.Path, "stories", "s.json")));
        Assert.False(File.Exists(Path.Combine(Internals, "tmp", tempName)));
    }

    [Fact]
    public async Task A_delete_interrupted_after_removing_the_content_reads_as_deleted()
    {
        var store = new LocalBlobStore(folder.Path);
        await store.PutAsync("alerts/a.json", Encoding.UTF8.GetBytes("x"), BlobPutOptions.Json());
        File.Delete(Path.Combine(folder.Path, "alerts", "a.json"));

        var reopened = new LocalBlobStore(folder.Path);
        var listed = new List<string>();
        await foreach (var blob in reopened.ListAsync("alerts/"))
        {
            listed.Add(blob.Name);
        }

        Assert.Null(await reopened.GetAsync("alerts/a.json"));
        Assert.Empty(listed);
        Assert.True((await reopened.PutAsync("alerts/a.json", Encoding.UTF8.GetBytes("again"), BlobPutOptions.Json(createOnly: true))).Written);
    }

    [Fact]
    public async Task A_file_dropped_into_the_folder_without_properties_is_not_a_blob()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "stories"));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "stories", "manual.json"), "{}");
        var store = new LocalBlobStore(folder.Path);

        Assert.Null(await store.GetAsync("stories/manual.json"));
        Assert.True((await store.PutAsync("stories/manual.json", Encoding.UTF8.GetBytes("{\"a\":1}"), BlobPutOptions.Json(createOnly: true))).Written);
    }

    [Fact]
    public async Task The_bookkeeping_folder_is_not_a_blob_name()
    {
        var store = new LocalBlobStore(folder.Path);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(".feedwatch/props/x", new byte[1], new BlobPutOptions()));
    }

    public void Dispose() => folder.Dispose();
}

using System.IO.Compression;
using System.Text;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Http.Tests.Support;

namespace FeedWatch.Http.Tests;

public sealed class HttpFetcherTests
{
    private static HttpFetcher LoopbackFetcher(Action<HttpFetcherOptions>? configure = null)
    {
        var options = new HttpFetcherOptions { AllowPrivateAddresses = true, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return new HttpFetcher(options);
    }

    [Fact]
    public async Task Fetches_body_and_validators_with_a_descriptive_user_agent()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response(
            200, "<rss/>", "Content-Type: application/rss+xml; charset=utf-8", "ETag: \"v1\"", "Last-Modified: Tue, 10 Jun 2025 04:00:00 GMT"));
        using var fetcher = LoopbackFetcher();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed.xml")));

        Assert.True(response.IsSuccess, response.Error?.Message);
        Assert.Equal("<rss/>", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal("\"v1\"", response.ETag);
        Assert.Equal("Tue, 10 Jun 2025 04:00:00 GMT", response.LastModified);
        Assert.StartsWith("application/rss+xml", response.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("FeedWatch/", server.Requests.Single().Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Contains("gzip", server.Requests.Single().Headers["Accept-Encoding"], StringComparison.Ordinal);
        Assert.Contains("br", server.Requests.Single().Headers["Accept-Encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_conditional_headers_and_reports_not_modified()
    {
        await using var server = new LoopbackServer(r =>
            r.Headers.TryGetValue("If-None-Match", out var tag) && tag == "\"v1\"" ? LoopbackServer.Response(304) : LoopbackServer.Response(200, "new"));
        using var fetcher = LoopbackFetcher();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/f"))
        {
            IfNoneMatch = "\"v1\"",
            IfModifiedSince = "Tue, 10 Jun 2025 04:00:00 GMT",
        });

        Assert.True(response.IsNotModified);
        Assert.Null(response.Error);
        Assert.Equal(0, response.Body.Length);
        Assert.Equal("Tue, 10 Jun 2025 04:00:00 GMT", server.Requests.Single().Headers["If-Modified-Since"]);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Decompresses_encoded_bodies(string encoding)
    {
        var original = string.Concat(Enumerable.Repeat("<item>hello</item>", 200));
        var compressed = Compress(Encoding.UTF8.GetBytes(original), encoding);
        await using var server = new LoopbackServer(_ => LoopbackServer.Response(200, compressed, $"Content-Encoding: {encoding}"));
        using var fetcher = LoopbackFetcher();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/f")));

        Assert.True(response.IsSuccess, response.Error?.Message);
        Assert.Equal(original, Encoding.UTF8.GetString(response.Body.Span));
    }

    [Fact]
    public async Task Corrupt_compressed_body_is_a_decompression_error()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response(200, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], "Content-Encoding: gzip"));
        using var fetcher = LoopbackFetcher();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/f")));

        Assert.False(response.IsSuccess);
        Assert.Equal(FetchErrorKind.Decompression, response.Error?.Kind);
    }

    [Fact]
    public async Task Follows_relative_permanent_redirects_and_reports_them()
    {
        await using var server = new LoopbackServer(r => r.Path switch
        {
            "/old" => LoopbackServer.Response(301, "", "Location: /middle"),
            "/middle" => LoopbackServer.Response(308, "", "Location: new?x=1"),
            _ => LoopbackServer.Response(200, "moved"),
        });
        using var fetcher = LoopbackFetcher();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/old")));

        Assert.True(response.IsSuccess);
        Assert.True(response.PermanentlyRedirected);
        Assert.Equal(server.Url("/new?x=1"), response.FinalUrl);
        Assert.Equal(server.Url("/old"), response.RequestedUrl);
    }

    [Fact]
    public async Task A_temporary_hop_makes_the_chain_not_permanent()
    {
        await using var server = new LoopbackServer(r => r.Path switch
        {
            "/a" => LoopbackServer.Response(301, "", "Location: /b"),
            "/b" => LoopbackServer.Response(302, "", "Location: /c"),
            _ => LoopbackServer.Response(200, "ok"),
        });
        using var fetcher = LoopbackFetcher();

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/a")));

        Assert.True(response.IsSuccess);
        Assert.False(response.PermanentlyRedirected);
        Assert.Equal("/c", response.FinalUrl.AbsolutePath);
    }

    [Fact]
    public async Task Stops_after_the_redirect_limit()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response(302, "", "Location: /loop"));
        using var fetcher = LoopbackFetcher(o => o.MaxRedirects = 3);

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/loop")));

        Assert.Equal(FetchErrorKind.TooManyRedirects, response.Error?.Kind);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Refuses_bodies_over_the_limit_even_when_compressed_small()
    {
        var bomb = Compress(new byte[5_000_000], "gzip");
        await using var server = new LoopbackServer(r => r.Path == "/plain"
            ? LoopbackServer.Response(200, new byte[20_000])
            : LoopbackServer.Response(200, bomb, "Content-Encoding: gzip"));
        using var fetcher = LoopbackFetcher(o => o.MaxBodyBytes = 10_000);

        var plain = await fetcher.FetchAsync(new FetchRequest(server.Url("/plain")));
        var zipped = await fetcher.FetchAsync(new FetchRequest(server.Url("/bomb")));
        var overridden = await fetcher.FetchAsync(new FetchRequest(server.Url("/plain")) { MaxBytes = 50_000 });

        Assert.True(bomb.Length < 10_000);
        Assert.Equal(FetchErrorKind.TooLarge, plain.Error?.Kind);
        Assert.Equal(FetchErrorKind.TooLarge, zipped.Error?.Kind);
        Assert.True(overridden.IsSuccess);
    }

    [Fact]
    public async Task Times_out_a_slow_server()
    {
        await using var server = new LoopbackServer(_ =>
        {
            Thread.Sleep(2_000);
            return LoopbackServer.Response(200, "late");
        });
        using var fetcher = LoopbackFetcher(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/slow")));

        Assert.Equal(FetchErrorKind.Timeout, response.Error?.Kind);
        Assert.Equal(0, response.StatusCode);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_a_timeout()
    {
        await using var server = new LoopbackServer(_ =>
        {
            Thread.Sleep(2_000);
            return LoopbackServer.Response(200, "late");
        });
        using var fetcher = LoopbackFetcher();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/slow")), cts.Token));
    }

    [Fact]
    public async Task Error_statuses_carry_retry_after_and_cache_hints()
    {
        await using var server = new LoopbackServer(r => r.Path == "/busy"
            ? LoopbackServer.Response(429, "", "Retry-After: 120")
            : LoopbackServer.Response(200, "x", "Cache-Control: public, max-age=900", "Expires: Wed, 11 Jun 2025 04:00:00 GMT"));
        using var fetcher = LoopbackFetcher();

        var busy = await fetcher.FetchAsync(new FetchRequest(server.Url("/busy")));
        var cached = await fetcher.FetchAsync(new FetchRequest(server.Url("/ok")));

        Assert.Equal(429, busy.StatusCode);
        Assert.Equal(FetchErrorKind.HttpStatus, busy.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), busy.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(900), cached.MaxAge);
        Assert.Equal(new DateTimeOffset(2025, 6, 11, 4, 0, 0, TimeSpan.Zero), cached.Expires);
    }

    [Fact]
    public async Task Refuses_loopback_by_default_without_sending_a_request()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response(200, "secret"));
        using var fetcher = new HttpFetcher(new HttpFetcherOptions());

        var literal = await fetcher.FetchAsync(new FetchRequest(server.Url("/")));
        var named = await fetcher.FetchAsync(new FetchRequest(server.Url("/", "localhost")));

        Assert.Equal(FetchErrorKind.BlockedAddress, literal.Error?.Kind);
        Assert.Equal(FetchErrorKind.BlockedAddress, named.Error?.Kind);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Host_map_dials_the_mapped_address_and_keeps_the_host()
    {
        await using var server = new LoopbackServer(r => r.Path switch
        {
            "/escape" => LoopbackServer.Response(302, "", $"Location: http://localhost:{r.Headers["Host"].Split(':')[1]}/secret"),
            _ => LoopbackServer.Response(200, "seed"),
        });
        using var fetcher = new HttpFetcher(new HttpFetcherOptions
        {
            HostMap = new Dictionary<string, string> { ["seed-a.example"] = "127.0.0.1" },
            AllowPrivateAddresses = true, // a host-map entry to loopback is honoured only with this
        });

        var mapped = await fetcher.FetchAsync(new FetchRequest(server.Url("/feed", "seed-a.example")));

        Assert.True(mapped.IsSuccess, mapped.Error?.Message);
        Assert.Equal($"seed-a.example:{server.Port}", server.Requests[0].Headers["Host"]);
    }

    [Fact]
    public async Task A_host_map_entry_to_a_private_address_is_ignored_without_allow_private_addresses()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Response(200, "internal"));
        using var fetcher = new HttpFetcher(new HttpFetcherOptions
        {
            HostMap = new Dictionary<string, string> { ["metadata.example"] = "127.0.0.1" },
            Timeout = TimeSpan.FromSeconds(5),
        });

        var response = await fetcher.FetchAsync(new FetchRequest(server.Url("/latest/meta-data", "metadata.example")));

        Assert.Equal(FetchErrorKind.BlockedAddress, response.Error?.Kind);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Limits_concurrent_requests_per_host()
    {
        var inFlight = 0;
        var peak = 0;
        await using var server = new LoopbackServer(_ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            Thread.Sleep(150);
            Interlocked.Decrement(ref inFlight);
            return LoopbackServer.Response(200, "x");
        });
        using var fetcher = LoopbackFetcher(o => o.MaxConcurrentRequestsPerHost = 1);

        var all = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fetcher.FetchAsync(new FetchRequest(server.Url($"/{i}")))));

        Assert.All(all, r => Assert.True(r.IsSuccess));
        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task Rejects_non_http_schemes()
    {
        using var fetcher = new HttpFetcher(new HttpFetcherOptions());

        var response = await fetcher.FetchAsync(new FetchRequest(new Uri("file:///etc/passwd")));

        Assert.Equal(FetchErrorKind.InvalidUrl, response.Error?.Kind);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream z = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
        })
        {
            z.Write(data);
        }

        return output.ToArray();
    }
}

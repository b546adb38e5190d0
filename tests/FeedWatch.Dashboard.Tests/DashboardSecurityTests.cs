using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FeedWatch.Dashboard.Tests;

/// <summary>
/// The hostile review's attacks on the dashboard, over real HTTP on loopback: DNS rebinding (a foreign Host), cross-origin
/// writes, framing, oversized bodies, write floods, path-walking ids, negative limits and a non-loopback binding.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardSecurityTests(DashboardFixture fixture)
{
    private static readonly string AlertingBody = """{"digestPeriod":"3650.00:00:00","sinks":[]}""";

    [Theory]
    [InlineData("GET", "api/stories")]
    [InlineData("POST", "api/stories")]
    [InlineData("PUT", "api/stories/{story}/alerting")]
    public async Task A_foreign_host_gets_400_whatever_the_method(string method, string path)
    {
        using var request = Request(method, path.Replace("{story}", fixture.StoryId, StringComparison.Ordinal));
        request.Headers.Host = "attacker.example";

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cross_origin_write_gets_403_and_changes_nothing()
    {
        var before = await fixture.Http.GetStringAsync($"api/stories/{fixture.StoryId}");
        using var put = Request("PUT", $"api/stories/{fixture.StoryId}/alerting");
        put.Headers.Add("Origin", "http://attacker.example");
        using var post = Request("POST", "api/stories");
        post.Headers.Add("Origin", "http://attacker.example");
        using var fetchMetadata = Request("POST", "api/stories");
        fetchMetadata.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Http.SendAsync(put)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Http.SendAsync(post)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Http.SendAsync(fetchMetadata)).StatusCode);
        Assert.Equal(before, await fixture.Http.GetStringAsync($"api/stories/{fixture.StoryId}"));
    }

    [Fact]
    public async Task A_same_origin_write_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/stories") { Content = JsonContent.Create(new { url = "" }) };
        request.Headers.Add("Origin", fixture.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // reached the endpoint: "give a URL or the text"
        Assert.Contains("absolute article URL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_csp_frame_and_nosniff_headers()
    {
        foreach (var path in new[] { "", "api/stories", "assets/app.js", "api/stories/no-such-story" })
        {
            using var response = await fixture.Http.GetAsync(path);
            Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task A_5_MB_post_gets_413_with_or_without_a_content_length()
    {
        var text = new string('x', 5 * 1024 * 1024);
        using var declared = new HttpRequestMessage(HttpMethod.Post, "api/stories") { Content = JsonContent.Create(new { text }) };
        await declared.Content.LoadIntoBufferAsync();
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "api/stories") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"text\":\"{text}\"}}"))) };
        chunked.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await fixture.Http.SendAsync(declared)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await fixture.Http.SendAsync(chunked)).StatusCode);
    }

    [Theory]
    [InlineData("api/compare?article=../../x")]
    [InlineData("api/compare?article=..%2F..%2Fx")]
    [InlineData("api/articles/..%2F..%2Fx")]
    [InlineData("api/stories/..%2Fstories%2Fx")]
    [InlineData("api/alerts?limit=-5")]
    [InlineData("api/alerts?limit=0")]
    public async Task Bad_ids_and_limits_get_400(string path)
    {
        using var response = await fixture.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"quietHours":{"start":"22:00:00","end":"07:00:00","timeZone":"Not/AZone"}}""")]
    [InlineData("""{"digestPeriod":"3650.00:00:00"}""")]
    [InlineData("""{"rateLimit":{"maxMessages":0,"per":"01:00:00"}}""")]
    public async Task Invalid_alert_settings_get_400_and_are_not_stored(string body)
    {
        var before = await fixture.Http.GetStringAsync($"api/stories/{fixture.StoryId}");
        using var response = await fixture.Http.PutAsync($"api/stories/{fixture.StoryId}/alerting", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await fixture.Http.GetStringAsync($"api/stories/{fixture.StoryId}"));
    }

    [Fact]
    public async Task Writes_over_the_rate_limit_get_429()
    {
        await using var dashboard = await StartAsync(new() { ["FeedWatch:Dashboard:WritesPerMinute"] = "3" }, "http://127.0.0.1:0");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await dashboard.Http.PostAsJsonAsync("api/stories", new { url = "" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Http.GetAsync("api/stories")).StatusCode); // reads are not limited
    }

    [Fact]
    public async Task A_configured_token_is_required_by_header_or_by_the_cookie_the_link_sets()
    {
        await using var dashboard = await StartAsync(new() { ["FeedWatch:Dashboard:Token"] = "s3cret-token" }, "http://127.0.0.1:0");

        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.Http.GetAsync("api/stories")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.Http.GetAsync("?token=wrong")).StatusCode);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "api/stories");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Http.SendAsync(bearer)).StatusCode);

        using var link = await dashboard.Http.GetAsync("?token=s3cret-token");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var cookie = link.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "api/stories");
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Http.SendAsync(withCookie)).StatusCode);
    }

    [Fact]
    public async Task A_non_loopback_binding_warns_and_requires_the_printed_token()
    {
        await using var dashboard = await StartAsync([], "http://0.0.0.0:0");

        Assert.Contains("Warning:", dashboard.Output, StringComparison.Ordinal);
        Assert.Contains("reachable from other machines", System.Text.RegularExpressions.Regex.Replace(dashboard.Output, @"\s+", " "), StringComparison.Ordinal);
        var token = dashboard.Output.Split("Dashboard token: ")[1].Split(' ', '\n')[0].Trim();
        Assert.True(token.Length >= 40, dashboard.Output);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.Http.GetAsync("api/stories")).StatusCode);
        using var bearer = new HttpRequestMessage(HttpMethod.Get, "api/stories");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Http.SendAsync(bearer)).StatusCode);
    }

    [Fact]
    public async Task A_loopback_binding_prints_no_warning_and_needs_no_token()
    {
        await using var dashboard = await StartAsync([], "http://127.0.0.1:0");

        Assert.DoesNotContain("Warning", dashboard.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Http.GetAsync("api/stories")).StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path) { Content = method == "GET" ? null : new StringContent(method == "PUT" ? AlertingBody : """{"text":"Some story text"}""", Encoding.UTF8, "application/json") };

    private async Task<ExtraDashboard> StartAsync(Dictionary<string, string?> settings, string urls)
    {
        var output = new StringWriter();
        var host = CliHost.Build(CliRunner.QuietContext(settings, output), fixture.DataDirectory, dashboardUrls: urls);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        return new ExtraDashboard(host, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") }, output.ToString());
    }

    private sealed record ExtraDashboard(IHost Host, HttpClient Http, string Output) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Host.StopAsync();
            Host.Dispose();
        }
    }
}

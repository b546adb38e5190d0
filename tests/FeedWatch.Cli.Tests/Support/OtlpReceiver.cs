using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Cli.Tests.Support;

/// <summary>
/// A minimal OTLP collector on 127.0.0.1: OTLP/HTTP (POST /v1/traces, /v1/metrics, application/x-protobuf, HTTP/1.1) on
/// <see cref="HttpEndpoint"/> and OTLP/gRPC (the TraceService and MetricsService Export methods, HTTP/2 without TLS) on
/// <see cref="GrpcEndpoint"/>. It keeps every export body (protobuf, not decoded: the tests look for the UTF-8 names
/// inside, which protobuf stores verbatim) and answers with an empty success response.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string Signal, string Protocol, string ContentType, byte[] Body)> Exports { get; } = new();

    public Uri HttpEndpoint { get; private set; } = null!;

    public Uri GrpcEndpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var httpPort = FreePort();
        var grpcPort = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpcPort, o => o.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", (HttpContext c) => receiver.ReceiveHttpAsync(c, "traces"));
        app.MapPost("/v1/metrics", (HttpContext c) => receiver.ReceiveHttpAsync(c, "metrics"));
        app.MapPost("/opentelemetry.proto.collector.trace.v1.TraceService/Export", (HttpContext c) => receiver.ReceiveGrpcAsync(c, "traces"));
        app.MapPost("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", (HttpContext c) => receiver.ReceiveGrpcAsync(c, "metrics"));
        await app.StartAsync();
        receiver.HttpEndpoint = new Uri($"http://127.0.0.1:{httpPort}");
        receiver.GrpcEndpoint = new Uri($"http://127.0.0.1:{grpcPort}");
        return receiver;
    }

    /// <summary>Every export body of one signal, as text with the non-printable protobuf framing kept (names are searchable).</summary>
    public string Text(string signal) =>
        string.Join("\n", Exports.Where(e => e.Signal == signal).Select(e => Encoding.UTF8.GetString(e.Body)));

    public int Count(string signal, string protocol) => Exports.Count(e => e.Signal == signal && e.Protocol == protocol);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ReceiveHttpAsync(HttpContext context, string signal)
    {
        var body = await ReadAsync(context.Request.Body);
        Exports.Enqueue((signal, "http/protobuf", context.Request.ContentType ?? "", body));
        // An empty Export*ServiceResponse is a zero-length protobuf message.
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task ReceiveGrpcAsync(HttpContext context, string signal)
    {
        var framed = await ReadAsync(context.Request.Body);
        // gRPC framing: 1 byte compressed flag, 4 bytes big-endian length, then the message.
        var body = framed.Length >= 5 ? framed[5..] : [];
        Exports.Enqueue((signal, "grpc", context.Request.ContentType ?? "", body));
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", "0");
        await context.Response.Body.WriteAsync(new byte[5]);
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static async Task<byte[]> ReadAsync(Stream body)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

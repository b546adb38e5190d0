using System.Collections.Concurrent;

namespace FeedWatch.Azure.Tests;

/// <summary>
/// An HttpClient handler that lets a test answer (or fail) chosen requests itself and passes the others on to the
/// real network stack (loopback Azurite) — a fault injector between the client's pipeline and the service.
/// </summary>
public sealed class ScriptedHandler : DelegatingHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage?> script;
    private int attempts;

    public ScriptedHandler(Func<HttpRequestMessage, int, HttpResponseMessage?> script, bool passThrough = true)
    {
        this.script = script;
        InnerHandler = passThrough ? new SocketsHttpHandler() : new RefusingHandler();
    }

    public int Attempts => attempts;

    public ConcurrentQueue<(DateTimeOffset At, HttpRequestMessage Request)> Seen { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref attempts);
        Seen.Enqueue((DateTimeOffset.UtcNow, request));
        var scripted = script(request, attempt);
        return scripted is not null ? Task.FromResult(scripted) : base.SendAsync(request, cancellationToken);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This test allows no network traffic.");
    }
}

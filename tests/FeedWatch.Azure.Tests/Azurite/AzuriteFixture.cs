using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FeedWatch.Azure.Common;

namespace FeedWatch.Azure.Tests.Azurite;

/// <summary>
/// Starts the pinned Azurite (tools/azurite, installed by ./test.sh) on 127.0.0.1 with free ports and a temp workspace
/// folder, waits until its Blob and Queue services accept connections, and stops it afterwards. When it cannot
/// start, every test using it fails with the reason — tests against Azure Storage are never silently skipped.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly StringBuilder output = new();
    private Process? process;
    private string? workDirectory;
    private int tablePort;
    private readonly string executable = Path.Combine(RepositoryRoot.Find(), "tools", "azurite", "node_modules", ".bin", "azurite");

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public StorageConnection Connection => StorageConnection.Development("127.0.0.1", BlobPort, QueuePort);

    /// <summary>A full account-key connection string with explicit endpoints (what `--storage` takes).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={StorageConnection.DevelopmentAccountName};AccountKey={StorageConnection.DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{StorageConnection.DevelopmentAccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{StorageConnection.DevelopmentAccountName};";

    public async Task InitializeAsync()
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {executable}. Run `npm ci --prefix tools/azurite` (./test.sh does it) and re-run the tests.");
        }

        workDirectory = Directory.CreateTempSubdirectory("feedwatch-azurite-").FullName;
        BlobPort = FreePort();
        QueuePort = FreePort();
        tablePort = FreePort();
        await StartProcessAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Stops Azurite the way an operator would (SIGTERM: it closes its servers and saves its database to the
    /// on-disk location), falling back to a kill after <paramref name="grace"/>. Data survives for <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process is not { HasExited: false } running)
        {
            return;
        }

        using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            await signal!.WaitForExitAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await running.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync().ConfigureAwait(false);
        }

        running.Dispose();
        process = null;
    }

    /// <summary>Starts Azurite again on the same ports over the same data folder (after <see cref="StopAsync"/>).</summary>
    public Task StartAgainAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("Azurite is still running; stop it first.");
        }

        return StartProcessAsync();
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", workDirectory!, "--skipApiVersionCheck", "--loose", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process = started;
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AcceptsAsync(BlobPort).ConfigureAwait(false) || !await AcceptsAsync(QueuePort).ConfigureAwait(false))
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {started.ExitCode} before it was ready. Its output:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{BlobPort} and :{QueuePort} within {StartTimeout.TotalSeconds} s. Its output:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
        if (workDirectory is not null)
        {
            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the dying process; the temp folder is cleaned by the OS eventually.
            }
        }

        return Task.CompletedTask;
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

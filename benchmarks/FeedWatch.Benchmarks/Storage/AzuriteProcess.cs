using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FeedWatch.Azure.Common;

namespace FeedWatch.Benchmarks.Storage;

/// <summary>The pinned Azurite (tools/azurite) on free loopback ports with a temp workspace, for the storage benchmarks.</summary>
public sealed class AzuriteProcess : IDisposable
{
    private readonly Process process;
    private readonly string workDirectory;

    private AzuriteProcess(Process process, string workDirectory, int blobPort, int queuePort)
    {
        this.process = process;
        this.workDirectory = workDirectory;
        Connection = StorageConnection.Development("127.0.0.1", blobPort, queuePort);
    }

    public StorageConnection Connection { get; }

    public static AzuriteProcess Start()
    {
        var executable = Path.Combine(FindRepositoryRoot(), "tools", "azurite", "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}; run `npm ci --prefix tools/azurite`.");
        }

        var work = Directory.CreateTempSubdirectory("feedwatch-bench-azurite-").FullName;
        int blobPort = FreePort(), queuePort = FreePort(), tablePort = FreePort();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", work, "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!Accepts(blobPort) || !Accepts(queuePort))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start.");
            }

            Thread.Sleep(100);
        }

        return new AzuriteProcess(process, work, blobPort, queuePort);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FeedWatch.sln")))
            {
                return directory.FullName;
            }
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FeedWatch.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No FeedWatch.sln above the benchmark.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

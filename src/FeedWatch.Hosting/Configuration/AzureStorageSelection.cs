using FeedWatch.Azure.Common;
using Microsoft.Extensions.Configuration;

namespace FeedWatch.Hosting.Configuration;

/// <summary>
/// Whether configuration asks for Azure Storage instead of the embedded folder: "FeedWatch:Storage:ConnectionString"
/// (what `--storage` sets), or "FeedWatch:Storage:Connection" naming a Functions-style connection such as
/// "AzureWebJobsStorage" (a connection string, or identity-based "__blobServiceUri"/"__queueServiceUri" settings).
/// </summary>
public static class AzureStorageSelection
{
    public const string ConnectionStringKey = "FeedWatch:Storage:ConnectionString";
    public const string ConnectionNameKey = "FeedWatch:Storage:Connection";

    public static StorageConnection? Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return StorageConnection.Parse(connectionString);
        }

        var connectionName = configuration[ConnectionNameKey];
        return string.IsNullOrWhiteSpace(connectionName) ? null : StorageConnection.FromSettings(key => configuration[key], connectionName);
    }
}

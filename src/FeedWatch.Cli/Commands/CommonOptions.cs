using System.CommandLine;

namespace FeedWatch.Cli.Commands;

/// <summary>Options every command shares.</summary>
public static class CommonOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "The embedded store's folder (blobs and queues). Default: FeedWatch:DataDirectory, else the user's local application data folder.",
        HelpName = "DIR",
    };

    public static Option<bool> Json(string what) => new("--json")
    {
        Description = $"Print {what} as JSON Lines (one document per line) instead of a table.",
    };

    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Use Azure Storage (Blob + Queue) instead of the data folder, e.g. \"UseDevelopmentStorage=true\" for Azurite or an account connection string. Default: FeedWatch:Storage:ConnectionString.",
        HelpName = "CONNECTION_STRING",
    };
}

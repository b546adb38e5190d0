using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace FeedWatch.Dashboard.Assets;

/// <summary>Serves the dashboard's page, script and styles from resources embedded in this assembly.</summary>
internal static class EmbeddedAssets
{
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IResult Serve(string fileName)
    {
        var stream = Assembly.GetManifestResourceStream("wwwroot/" + fileName);
        if (stream is null)
        {
            return Results.NotFound();
        }

        var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");
        return Results.Stream(stream, contentType);
    }
}

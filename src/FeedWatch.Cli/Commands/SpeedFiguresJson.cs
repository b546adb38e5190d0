using System.Text.Json;

namespace FeedWatch.Cli.Commands;

/// <summary>camelCase, one line: the shape `eval speed --json` prints.</summary>
internal static class SpeedFiguresJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

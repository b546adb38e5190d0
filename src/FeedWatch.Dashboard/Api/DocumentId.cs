using Microsoft.AspNetCore.Http;

namespace FeedWatch.Dashboard.Api;

/// <summary>Story and article ids the API accepts: letters, digits, '-' and '_' (what the pipeline makes), nothing that walks a path.</summary>
internal static class DocumentId
{
    private const int MaxLength = 128;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static IResult BadRequest(string parameter) =>
        Results.BadRequest(new { error = $"'{parameter}' is not a story or article id (letters, digits, '-' and '_' only)." });
}

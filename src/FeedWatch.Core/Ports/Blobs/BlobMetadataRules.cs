namespace FeedWatch.Core.Ports.Blobs;

/// <summary>
/// Metadata names every backend accepts: Azure requires C#-identifier names (ASCII letters, digits, '_', not starting
/// with a digit) and treats them case-insensitively, so FeedWatch uses lower-case identifiers. Values are free text.
/// </summary>
public static class BlobMetadataRules
{
    public static void Validate(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var name in metadata.Keys)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException(
                    $"Invalid blob metadata name '{name}': use ASCII letters, digits and '_', not starting with a digit.",
                    nameof(metadata));
            }
        }
    }

    public static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name)
        && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

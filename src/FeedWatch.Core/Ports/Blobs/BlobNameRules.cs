namespace FeedWatch.Core.Ports.Blobs;

/// <summary>
/// The blob names every backend accepts: what Azure allows, narrowed to names that also map one-to-one onto
/// folders and files (so the embedded store can keep them browsable) — no empty, "." or ".." segments,
/// no backslashes or control characters, at most 1024 characters.
/// </summary>
public static class BlobNameRules
{
    public const int MaxLength = 1024;

    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var problem = FindProblem(name);
        if (problem is not null)
        {
            throw new ArgumentException($"Invalid blob name '{name}': {problem}.", nameof(name));
        }
    }

    public static string? FindProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        foreach (var c in name)
        {
            if (c == '\\' || char.IsControl(c))
            {
                return "it contains a backslash or a control character";
            }
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return "it has an empty, '.' or '..' path segment";
            }
        }

        return null;
    }
}

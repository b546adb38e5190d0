namespace FeedWatch.Core.Ports.Queues;

/// <summary>Azure Storage queue naming rules, enforced by every backend so a name that works locally works on Azure.</summary>
public static class QueueNameRules
{
    /// <summary>Throws <see cref="ArgumentException"/> unless the name is 3–63 lower-case letters, digits and single hyphens.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"Invalid queue name '{name}': use 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }
    }

    public static bool IsValid(string name)
    {
        if (name.Length is < 3 or > 63 || name[0] == '-' || name[^1] == '-')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var allowed = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';
            if (!allowed || (c == '-' && name[i - 1] == '-'))
            {
                return false;
            }
        }

        return true;
    }
}

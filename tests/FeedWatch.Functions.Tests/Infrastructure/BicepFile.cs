using System.Text.RegularExpressions;
using FeedWatch.Functions.Tests.Support;

namespace FeedWatch.Functions.Tests.Infrastructure;

/// <summary>
/// Just enough reading of the Bicep source for checks about how the templates are written (parameters documented,
/// no secrets, least-privilege roles). What gets deployed is checked on the compiled template
/// (<see cref="CompiledTemplate"/>, the real Bicep CLI).
/// </summary>
internal sealed partial class BicepFile
{
    private BicepFile(string relativePath, string text)
    {
        RelativePath = relativePath;
        Text = text;
        // Comments are dropped so a commented-out line never satisfies a check.
        Code = string.Join('\n', text.Split('\n').Select(line => LineComment().Replace(line, "")));
    }

    public string RelativePath { get; }

    public string Text { get; }

    public string Code { get; }

    public static BicepFile Load(string relativePath) => new(relativePath, RepoPaths.ReadText(relativePath));

    /// <summary>Parameter name → whether it has a default value.</summary>
    public IReadOnlyDictionary<string, bool> Parameters =>
        ParamDeclaration().Matches(Code).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["default"].Success);

    public IEnumerable<(string Symbol, string Path)> Modules =>
        ModuleDeclaration().Matches(Code).Select(match => (match.Groups["symbol"].Value, match.Groups["path"].Value));

    public IEnumerable<string> ResourceTypes =>
        ResourceDeclaration().Matches(Code).Select(match => match.Groups["type"].Value);

    /// <summary>The text between the braces that open after <paramref name="header"/> (first match).</summary>
    public string BlockAfter(string header)
    {
        var start = Code.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{RelativePath}: '{header}' not found");
        var open = Code.IndexOf('{', start + header.Length);
        var depth = 0;
        for (var i = open; i < Code.Length; i++)
        {
            depth += Code[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return Code[(open + 1)..i];
            }
        }

        throw new InvalidOperationException($"{RelativePath}: unbalanced braces after '{header}'");
    }

    /// <summary>The braces block of the first-level key <paramref name="key"/> inside <paramref name="block"/>.</summary>
    public static string TopLevelBlock(string block, string key)
    {
        var start = Regex.Match(block, @"(^|\n)\s*" + Regex.Escape(key) + @"\s*:\s*\{");
        Assert.True(start.Success, $"no '{key}: {{' block");
        var open = start.Index + start.Length - 1;
        var depth = 0;
        for (var i = open; i < block.Length; i++)
        {
            depth += block[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return block[(open + 1)..i];
            }
        }

        throw new InvalidOperationException($"unbalanced braces in '{key}'");
    }

    /// <summary>Keys at the first nesting level of a block ("name: value" lines).</summary>
    public static IReadOnlyList<string> TopLevelKeys(string block)
    {
        var keys = new List<string>();
        var depth = 0;
        foreach (var line in block.Split('\n'))
        {
            if (depth == 0 && TopLevelKey().Match(line) is { Success: true } match)
            {
                keys.Add(match.Groups["key"].Value.Trim('\''));
            }

            depth += line.Count(c => c is '{' or '[') - line.Count(c => c is '}' or ']');
        }

        return keys;
    }

    [GeneratedRegex(@"(^|\s)//.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^\s*param\s+(?<name>\w+)\s+\w+(?<default>\s*=)?", RegexOptions.Multiline)]
    private static partial Regex ParamDeclaration();

    [GeneratedRegex(@"^\s*module\s+(?<symbol>\w+)\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleDeclaration();

    [GeneratedRegex(@"^\s*resource\s+\w+\s+'(?<type>[^'@]+)@[^']+'", RegexOptions.Multiline)]
    private static partial Regex ResourceDeclaration();

    [GeneratedRegex(@"^\s*(?<key>'[^']+'|[A-Za-z_][\w]*)\s*:")]
    private static partial Regex TopLevelKey();
}

using System.Text.Json;
using System.Text.Json.Serialization;
using FeedWatch.Core.Configuration;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FeedWatch.Hosting.Configuration;

/// <summary>
/// Writes a feeds file in the format its extension names (YAML for .yaml/.yml, JSON otherwise) — the counterpart of
/// <see cref="FeedsFileLoader"/>. The text is read back before anything touches the disk, the write is atomic
/// (temporary file, then rename) and the previous version is kept as FILE.bak: an import can never leave a broken file.
/// Comments in the previous file are not carried over (they stay in the .bak).
/// </summary>
public static class FeedsFileWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static bool IsYaml(string path) => Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml";

    public static string Serialize(FeedsFile file, string path)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!IsYaml(path))
        {
            return JsonSerializer.Serialize(file, JsonOptions) + Environment.NewLine;
        }

        var serializer = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
            .Build();
        return serializer.Serialize(file);
    }

    public static void Save(FeedsFile file, string path)
    {
        var text = Serialize(file, path);

        // Never write what the loader would refuse on the next schedule tick.
        _ = IsYaml(path) ? FeedsFileLoader.ParseYaml(text, path) : FeedsFileLoader.ParseJson(text, path);

        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, text);
        try
        {
            if (File.Exists(full))
            {
                File.Copy(full, full + ".bak", overwrite: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

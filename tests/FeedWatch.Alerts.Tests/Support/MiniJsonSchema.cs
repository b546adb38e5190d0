using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FeedWatch.Alerts.Tests.Support;

/// <summary>
/// A validator for the subset of JSON Schema 2020-12 the FeedWatch schemas use (type, required, properties,
/// additionalProperties:false, const, enum, pattern, minLength, minimum, maximum, minItems, items, $ref within and
/// across the schemas folder, format date-time and uri). Any other keyword makes it throw, so a schema can never
/// rely on a rule this validator silently ignores.
/// </summary>
public sealed class MiniJsonSchema(string schemasFolder)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "$defs"];
    private readonly Dictionary<string, JsonElement> documents = [];

    public IReadOnlyList<string> Validate(string schemaFile, JsonElement instance)
    {
        List<string> errors = [];
        Check(Load(schemaFile), schemaFile, instance, "$", errors);
        return errors;
    }

    private JsonElement Load(string file)
    {
        if (!documents.TryGetValue(file, out var root))
        {
            root = JsonDocument.Parse(File.ReadAllText(Path.Combine(schemasFolder, file))).RootElement.Clone();
            documents[file] = root;
        }

        return root;
    }

    private void Check(JsonElement schema, string file, JsonElement value, string at, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case var name when Annotations.Contains(name):
                    break;
                case "$ref":
                    var target = rule.GetString()!;
                    var hash = target.IndexOf('#', StringComparison.Ordinal);
                    var refFile = hash == 0 ? file : target[..hash];
                    var node = Load(refFile);
                    foreach (var part in target[(hash + 2)..].Split('/')) node = node.GetProperty(part);
                    Check(node, refFile, value, at, errors);
                    break;
                case "type":
                    var types = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!).ToList() : [rule.GetString()!];
                    if (!types.Any(t => HasType(value, t))) errors.Add($"{at}: expected {string.Join("|", types)}, got {value.ValueKind}");
                    break;
                case "required":
                    if (value.ValueKind != JsonValueKind.Object) break;
                    foreach (var name in rule.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{at}: missing required '{name}'");
                    }

                    break;
                case "properties":
                    if (value.ValueKind != JsonValueKind.Object) break;
                    foreach (var property in value.EnumerateObject())
                    {
                        if (rule.TryGetProperty(property.Name, out var sub)) Check(sub, file, property.Value, at + "." + property.Name, errors);
                    }

                    break;
                case "additionalProperties":
                    if (rule.ValueKind != JsonValueKind.False) throw new NotSupportedException("additionalProperties other than false");
                    if (value.ValueKind != JsonValueKind.Object) break;
                    var declared = schema.TryGetProperty("properties", out var props) ? props.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                    foreach (var property in value.EnumerateObject())
                    {
                        if (!declared.Contains(property.Name)) errors.Add($"{at}: property '{property.Name}' is not in the schema");
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(rule, value)) errors.Add($"{at}: expected constant {rule.GetRawText()}, got {value.GetRawText()}");
                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value))) errors.Add($"{at}: {value.GetRawText()} is not one of {rule.GetRawText()}");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, rule.GetString()!)) errors.Add($"{at}: '{value.GetString()}' does not match {rule.GetString()}");
                    break;
                case "minLength":
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length < rule.GetInt32()) errors.Add($"{at}: shorter than {rule.GetInt32()}");
                    break;
                case "minimum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDouble() < rule.GetDouble()) errors.Add($"{at}: below minimum {rule.GetDouble()}");
                    break;
                case "maximum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDouble() > rule.GetDouble()) errors.Add($"{at}: above maximum {rule.GetDouble()}");
                    break;
                case "minItems":
                    if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() < rule.GetInt32()) errors.Add($"{at}: fewer than {rule.GetInt32()} items");
                    break;
                case "items":
                    if (value.ValueKind != JsonValueKind.Array) break;
                    var index = 0;
                    foreach (var item in value.EnumerateArray()) Check(rule, file, item, $"{at}[{index++}]", errors);
                    break;
                case "format":
                    if (value.ValueKind != JsonValueKind.String) break;
                    var text = value.GetString()!;
                    var ok = rule.GetString() switch
                    {
                        // RFC 3339 date-time: a full date, 'T', a time and a zone designator.
                        "date-time" => Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
                            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
                        var other => throw new NotSupportedException("format " + other),
                    };
                    if (!ok) errors.Add($"{at}: '{text}' is not a {rule.GetString()}");
                    break;
                default:
                    throw new NotSupportedException($"Schema keyword '{keyword.Name}' is not supported by the test validator.");
            }
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException("type " + type),
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// Lenient reads of scenario.json values: after <c>${i}</c> substitution a count can be a string ("300"),
/// and flags follow Python truthiness, as in the shared harness.
/// </summary>
internal static class JsonValues
{
    public static bool Has(JsonObject obj, string key) => obj.ContainsKey(key);

    public static double Number(JsonNode? node, double fallback)
    {
        if (node is not JsonValue value)
        {
            return fallback;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.GetValue<double>();
        }

        if (value.GetValueKind() == JsonValueKind.String
            && double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new ScenarioException($"not a number: {node.ToJsonString()}");
    }

    public static int Int(JsonNode? node, int fallback) => (int)Number(node, fallback);

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Python truthiness: false, 0, "", null, [] and {} are false.</summary>
    public static bool Truthy(JsonNode? node, bool fallback)
    {
        return node switch
        {
            null => fallback,
            JsonObject obj => obj.Count > 0,
            JsonArray array => array.Count > 0,
            JsonValue value => value.GetValueKind() switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False or JsonValueKind.Null => false,
                JsonValueKind.Number => value.GetValue<double>() != 0,
                JsonValueKind.String => value.GetValue<string>().Length > 0,
                _ => fallback,
            },
            _ => fallback,
        };
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// <c>${NAME_PORT}</c> placeholders in haproxy.cfg and scenario.json, and the repeat index <c>${i}</c>,
/// <c>${i*K}</c>, <c>${i+M}</c>, <c>${i*K+M}</c> (i counts from 1) inside repeated clients.
/// </summary>
public static partial class Placeholders
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)\}")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"\$\{i(?:\*(\d+))?(?:\+(\d+))?\}")]
    private static partial Regex IndexRegex();

    /// <summary>Every placeholder name used in <paramref name="text"/>.</summary>
    public static IEnumerable<string> NamesIn(string text)
    {
        foreach (Match match in NameRegex().Matches(text))
        {
            yield return match.Groups[1].Value;
        }
    }

    /// <summary>Replaces each <c>${NAME}</c> by its port; an unknown name is a scenario error.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, int> ports) =>
        NameRegex().Replace(text, match =>
            ports.TryGetValue(match.Groups[1].Value, out var port)
                ? port.ToString(CultureInfo.InvariantCulture)
                : throw new ScenarioException($"no value for placeholder ${{{match.Groups[1].Value}}}"));

    /// <summary>A copy of <paramref name="node"/> with ports (and, when given, the repeat index) substituted in every string.</summary>
    public static JsonNode RenderJson(JsonNode node, IReadOnlyDictionary<string, int> ports, int? index = null)
    {
        var text = ToJson(node);
        if (index is { } i)
        {
            text = IndexRegex().Replace(text, match =>
            {
                var factor = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
                var offset = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
                return (i * factor + offset).ToString(CultureInfo.InvariantCulture);
            });
        }

        return JsonNode.Parse(Render(text, ports)) ?? throw new ScenarioException("empty JSON after rendering");
    }

    internal static string ToJson(JsonNode node) => node.ToJsonString(Compact);
}

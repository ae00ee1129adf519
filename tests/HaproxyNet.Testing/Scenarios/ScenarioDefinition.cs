using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>A scenario folder: a haproxy.cfg template with <c>${NAME_PORT}</c> placeholders and a scenario.json (backends, clients, steps).</summary>
/// <remarks>Same format as the shared logcompare harness (see its README, "Scenario format").</remarks>
public sealed class ScenarioDefinition
{
    private ScenarioDefinition(string directory, string template, JsonObject spec)
    {
        Directory = directory;
        Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        Template = template;
        Spec = spec;
        Settings = ScenarioSettings.From(spec);
        Backends = spec["backends"] as JsonObject ?? [];
        Clients = spec["clients"] as JsonObject ?? [];
        Steps = spec["steps"] as JsonArray ?? [];

        var names = new SortedSet<string>(StringComparer.Ordinal) { "SYSLOG_PORT" };
        names.UnionWith(Placeholders.NamesIn(template));
        names.UnionWith(Placeholders.NamesIn(Placeholders.ToJson(spec)));
        foreach (var (key, _) in Backends)
        {
            names.Add(key);
        }

        CollectPortValues(spec, names);
        var bad = names.Where(n => !n.EndsWith("_PORT", StringComparison.Ordinal)).ToList();
        if (bad.Count > 0)
        {
            throw new ScenarioException($"unknown placeholders [{string.Join(", ", bad)}]: only *_PORT names are supported");
        }

        PortNames = [.. names];
    }

    public string Directory { get; }

    public string Name { get; }

    public string Template { get; }

    public JsonObject Spec { get; }

    public ScenarioSettings Settings { get; }

    /// <summary>Backend specs keyed by their port placeholder, in file order.</summary>
    public JsonObject Backends { get; }

    /// <summary>Named client templates.</summary>
    public JsonObject Clients { get; }

    public JsonArray Steps { get; }

    /// <summary>Every placeholder (sorted, <c>SYSLOG_PORT</c> included).</summary>
    public IReadOnlyList<string> PortNames { get; }

    public string Description => JsonValues.String(Spec["description"]) ?? string.Empty;

    /// <summary>Whether the template logs to the harness at all.</summary>
    public bool UsesSyslogPort => Placeholders.NamesIn(Template).Contains("SYSLOG_PORT");

    /// <summary>Loads <c>haproxy.cfg</c> and <c>scenario.json</c> from <paramref name="directory"/>.</summary>
    public static ScenarioDefinition Load(string directory)
    {
        var cfg = Path.Combine(directory, "haproxy.cfg");
        var json = Path.Combine(directory, "scenario.json");
        if (!File.Exists(cfg) || !File.Exists(json))
        {
            throw new ScenarioException($"{directory}: needs haproxy.cfg and scenario.json");
        }

        JsonObject spec;
        try
        {
            spec = JsonNode.Parse(File.ReadAllText(json)) as JsonObject ?? throw new ScenarioException($"{json}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{json}: {e.Message}", e);
        }

        return new ScenarioDefinition(directory, File.ReadAllText(cfg), spec);
    }

    /// <summary>Ports the proxy itself must listen on: <c>frontends</c> if given, else every placeholder that is neither a backend nor syslog.</summary>
    public IReadOnlyList<string> ListenPorts()
    {
        if (Spec["frontends"] is JsonArray frontends)
        {
            return frontends.Select(f => JsonValues.String(f) ?? throw new ScenarioException("frontends: names expected")).ToList();
        }

        return PortNames.Where(n => n != "SYSLOG_PORT" && !Backends.ContainsKey(n)).ToList();
    }

    // Values of every "port" key anywhere in the tree (client specs name their frontend this way).
    private static void CollectPortValues(JsonNode? node, ISet<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "port" && JsonValues.String(value) is { } port)
                    {
                        names.Add(port);
                    }
                    else
                    {
                        CollectPortValues(value, names);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectPortValues(item, names);
                }

                break;
        }
    }
}

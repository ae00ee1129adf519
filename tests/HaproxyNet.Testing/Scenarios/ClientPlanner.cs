using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// Expands traffic steps into numbered clients. Ids follow the order clients appear in the steps (repeat index,
/// then parallel list order), never timing, so <c>cN</c> in a normalized log means the same client in every run.
/// </summary>
public static class ClientPlanner
{
    /// <summary>The clients of one step (<c>client</c> + <c>repeat</c>/<c>parallel</c>/<c>stagger_ms</c>, or a <c>parallel</c> list).</summary>
    public static IReadOnlyList<PlannedClient> Expand(ScenarioDefinition scenario, int stepIndex, JsonObject step, IReadOnlyDictionary<string, int> ports, int nextId)
    {
        List<JsonNode?> specs;
        bool concurrent;
        if (step["parallel"] is JsonArray list)
        {
            specs = [.. list];
            concurrent = true;
        }
        else
        {
            specs = Enumerable.Repeat(step["client"], JsonValues.Int(step["repeat"], 1)).ToList();
            concurrent = JsonValues.Truthy(step["parallel"], false);
        }

        var stagger = TimeSpan.FromMilliseconds(JsonValues.Number(step["stagger_ms"], 0));
        var batch = new List<PlannedClient>(specs.Count);
        for (var n = 0; n < specs.Count; n++)
        {
            var spec = specs[n];
            if (JsonValues.String(spec) is { } template)
            {
                spec = scenario.Clients[template] ?? throw new ScenarioException($"unknown client template '{template}'");
            }

            if (spec is null)
            {
                throw new ScenarioException($"step {stepIndex}: client step without a client");
            }

            var rendered = Placeholders.RenderJson(spec, ports, n + 1);
            ClientRunner.Check(rendered);
            batch.Add(new PlannedClient(nextId + n, stepIndex, (JsonObject)rendered, concurrent ? stagger * n : TimeSpan.Zero, concurrent));
        }

        return batch;
    }

    /// <summary>Every client of the scenario, in id order, without running anything.</summary>
    public static IReadOnlyList<PlannedClient> PlanAll(ScenarioDefinition scenario, IReadOnlyDictionary<string, int> ports)
    {
        var all = new List<PlannedClient>();
        for (var index = 0; index < scenario.Steps.Count; index++)
        {
            if (scenario.Steps[index] is JsonObject step && !step.ContainsKey("sleep_ms") && !step.ContainsKey("backend")
                && !step.ContainsKey("wait_log") && (step.ContainsKey("client") || step.ContainsKey("parallel")))
            {
                all.AddRange(Expand(scenario, index, step, ports, all.Count + 1));
            }
        }

        return all;
    }
}

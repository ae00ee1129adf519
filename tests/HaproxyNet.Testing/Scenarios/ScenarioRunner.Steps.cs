using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>The steps of a scenario: sleeps, backend actions, waits for log lines and client traffic.</summary>
public sealed partial class ScenarioRunner
{
    private void RunSteps(SyslogReceiver syslog, Dictionary<string, ScenarioBackend> backends, ClientRunner clients, Dictionary<string, int> ports)
    {
        var settings = Scenario.Settings;
        var traffic = Stopwatch.StartNew();
        var maxDuration = TimeSpan.FromSeconds(settings.MaxDurationS);
        var clientTimeout = TimeSpan.FromMilliseconds(settings.ClientTimeoutMs);
        var nextId = 1;
        for (var index = 0; index < Scenario.Steps.Count; index++)
        {
            if (traffic.Elapsed > maxDuration)
            {
                AddError($"max_duration_s exceeded before step {index}");
                return;
            }

            if (Scenario.Steps[index] is not JsonObject step)
            {
                throw new ScenarioException($"step {index}: not an object");
            }

            var gap = TimeSpan.FromMilliseconds(JsonValues.Number(step["gap_ms"], settings.GapMs));
            if (step.ContainsKey("sleep_ms"))
            {
                var ms = JsonValues.Number(step["sleep_ms"], 0);
                Timeline($"step {index}: sleep {ms} ms");
                Thread.Sleep(TimeSpan.FromMilliseconds(ms));
            }
            else if (step.ContainsKey("backend"))
            {
                BackendStep(index, step, backends);
            }
            else if (step.ContainsKey("wait_log"))
            {
                var pattern = JsonValues.String(step["wait_log"]) ?? throw new ScenarioException($"step {index}: wait_log needs a pattern");
                var count = JsonValues.Int(step["count"], 1);
                Timeline($"step {index}: wait for {count} x /{pattern}/");
                if (!syslog.WaitFor(pattern, count, TimeSpan.FromMilliseconds(JsonValues.Number(step["timeout_ms"], 10000))))
                {
                    AddError($"step {index}: log line /{pattern}/ x{count} not seen");
                }

                Timeline($"step {index}: wait done");
            }
            else if (step.ContainsKey("client") || step.ContainsKey("parallel"))
            {
                var batch = ClientPlanner.Expand(Scenario, index, step, ports, nextId);
                nextId += batch.Count;
                if (batch.Count > 0 && !batch[0].Concurrent)
                {
                    foreach (var client in batch)
                    {
                        Timeline($"step {index}: client c{client.Id}");
                        clients.Run(client.Id, client.Spec, clientTimeout);
                        Thread.Sleep(gap);
                    }
                }
                else
                {
                    RunParallel(index, batch, clients, clientTimeout, maxDuration - traffic.Elapsed);
                    Thread.Sleep(gap);
                }

                Timeline($"step {index}: done");
            }
            else
            {
                throw new ScenarioException($"step {index}: unknown step {step.ToJsonString()}");
            }
        }
    }

    private void BackendStep(int index, JsonObject step, Dictionary<string, ScenarioBackend> backends)
    {
        var key = JsonValues.String(step["backend"]);
        if (key is null || !backends.TryGetValue(key, out var backend))
        {
            throw new ScenarioException($"step {index}: no backend '{key}'");
        }

        var action = JsonValues.String(step["do"]) ?? string.Empty;
        Timeline($"step {index}: backend {key} {action}");
        switch (action)
        {
            case "start":
                backend.Start();
                break;
            case "stop":
                backend.Stop(JsonValues.Truthy(step["graceful"], false));
                break;
            case "set":
                backend.Update(step["set"] as JsonObject ?? []);
                break;
            default:
                throw new ScenarioException($"step {index}: unknown backend action '{action}'");
        }
    }

    private void RunParallel(int index, IReadOnlyList<PlannedClient> batch, ClientRunner clients, TimeSpan timeout, TimeSpan left)
    {
        if (batch.Count == 0)
        {
            return;
        }

        Timeline($"step {index}: clients c{batch[0].Id}..c{batch[^1].Id} in parallel");
        var threads = new List<Thread>(batch.Count);
        var started = Stopwatch.StartNew();
        foreach (var (id, _, spec, offset, _) in batch)
        {
            var delay = offset - started.Elapsed;
            if (delay > TimeSpan.Zero)
            {
                Thread.Sleep(delay);
            }

            var thread = new Thread(() => RunClientSafely(clients, id, spec, timeout)) { IsBackground = true, Name = "client-c" + id };
            thread.Start();
            threads.Add(thread);
        }

        var joinBound = left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);
        foreach (var thread in threads)
        {
            thread.Join(joinBound);
        }
    }

    // An exception escaping a thread would end the test process; record it as a harness error instead.
    private void RunClientSafely(ClientRunner clients, int id, JsonObject spec, TimeSpan timeout)
    {
        try
        {
            clients.Run(id, spec, timeout);
        }
        catch (Exception e)
        {
            AddError($"client c{id}: {e.GetType().Name}: {e.Message}");
        }
    }
}

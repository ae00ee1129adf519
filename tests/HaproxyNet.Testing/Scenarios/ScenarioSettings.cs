using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>Timing settings of a scenario (top-level keys of scenario.json), with the shared harness's defaults.</summary>
public sealed record ScenarioSettings
{
    /// <summary>Pause after each sequential client and after each parallel group (overridable per step).</summary>
    public double GapMs { get; init; } = 50;

    /// <summary>Pause after the last step, before the proxy is stopped.</summary>
    public double SettleMs { get; init; } = 300;

    /// <summary>Wait after SIGUSR1 before SIGTERM.</summary>
    public double StopGraceMs { get; init; } = 3000;

    /// <summary>Socket timeout for each client operation.</summary>
    public double ClientTimeoutMs { get; init; } = 10000;

    /// <summary>How long the proxy may take to listen on every frontend port.</summary>
    public double StartupTimeoutMs { get; init; } = 10000;

    /// <summary>Hard bound for the whole traffic phase.</summary>
    public double MaxDurationS { get; init; } = 90;

    public static ScenarioSettings From(JsonObject spec)
    {
        var defaults = new ScenarioSettings();
        return new ScenarioSettings
        {
            GapMs = JsonValues.Number(spec["gap_ms"], defaults.GapMs),
            SettleMs = JsonValues.Number(spec["settle_ms"], defaults.SettleMs),
            StopGraceMs = JsonValues.Number(spec["stop_grace_ms"], defaults.StopGraceMs),
            ClientTimeoutMs = JsonValues.Number(spec["client_timeout_ms"], defaults.ClientTimeoutMs),
            StartupTimeoutMs = JsonValues.Number(spec["startup_timeout_ms"], defaults.StartupTimeoutMs),
            MaxDurationS = JsonValues.Number(spec["max_duration_s"], defaults.MaxDurationS),
        };
    }
}

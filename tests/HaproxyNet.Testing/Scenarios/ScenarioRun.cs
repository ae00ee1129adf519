using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaproxyNet.LogDiff;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>Everything one scenario run produced: the datagrams as received and what the normalizer needs to know about the run.</summary>
public sealed class ScenarioRun
{
    public required string Scenario { get; init; }

    public required string OutputDirectory { get; init; }

    public required IReadOnlyList<string> Argv { get; init; }

    public required IReadOnlyDictionary<string, int> Ports { get; init; }

    public int? Pid { get; init; }

    public int? ExitCode { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset EndTime { get; init; }

    public required IReadOnlyCollection<string> ProgramNames { get; init; }

    public required IReadOnlyList<SyslogDatagram> Datagrams { get; init; }

    public required IReadOnlyList<ClientConnection> ClientConnections { get; init; }

    public required IReadOnlyList<ClientResult> Clients { get; init; }

    /// <summary>Harness errors (proxy did not start, wait_log timed out, step error); empty when the run went as scripted.</summary>
    public required IReadOnlyList<string> Errors { get; init; }

    public required IReadOnlyList<string> Timeline { get; init; }

    public required IReadOnlyDictionary<string, (int Accepted, int HttpRequests)> BackendStats { get; init; }

    /// <summary>One line per datagram (see <see cref="SyslogDatagramText"/>).</summary>
    public IReadOnlyList<string> RawLines => Datagrams.Select(d => SyslogDatagramText.Decode(d.Data)).ToList();

    public RunDescription Describe() => new()
    {
        Ports = Ports,
        Pid = Pid,
        ProgramNames = ProgramNames,
        ClientConnections = ClientConnections,
        LogTimes = Datagrams.Select(d => d.Received).ToList(),
        StartTime = StartTime,
        EndTime = EndTime,
    };

    /// <summary>The normalized log, ready to compare with a golden expected.log.</summary>
    public IReadOnlyList<string> Normalize() => LogNormalizer.Normalize(RawLines, Describe());

    /// <summary>The proxy's stderr as captured, or an empty string.</summary>
    public string ReadStderr()
    {
        var path = Path.Combine(OutputDirectory, "stderr.log");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    /// <summary>Writes run.json (same keys as the shared harness, times in Unix seconds), raw.log and normalized.log.</summary>
    public void WriteOutputs()
    {
        var json = new JsonObject
        {
            ["scenario"] = Scenario,
            ["argv"] = new JsonArray(Argv.Select(a => (JsonNode?)a).ToArray()),
            ["ports"] = new JsonObject(Ports.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["pid"] = Pid,
            ["exit_code"] = ExitCode,
            ["t_start"] = Seconds(StartTime),
            ["t_end"] = Seconds(EndTime),
            ["progname"] = new JsonArray(ProgramNames.Select(n => (JsonNode?)n).ToArray()),
            ["clients"] = new JsonObject(Clients.Select(c => KeyValuePair.Create(c.ClientId.ToString(CultureInfo.InvariantCulture), (JsonNode?)c.ToJson()))),
            ["client_connections"] = new JsonArray(ClientConnections
                .OrderBy(c => c.Time)
                .Select(c => (JsonNode?)new JsonArray(Seconds(c.Time), c.Address, c.ClientId))
                .ToArray()),
            ["log_times"] = new JsonArray(Datagrams.Select(d => (JsonNode?)Seconds(d.Received)).ToArray()),
            ["backend_stats"] = new JsonObject(BackendStats.Select(b => KeyValuePair.Create(
                b.Key, (JsonNode?)new JsonObject { ["accepted"] = b.Value.Accepted, ["http_requests"] = b.Value.HttpRequests }))),
            ["timeline"] = new JsonArray(Timeline.Select(t => (JsonNode?)t).ToArray()),
            ["errors"] = new JsonArray(Errors.Select(e => (JsonNode?)e).ToArray()),
        };
        File.WriteAllText(Path.Combine(OutputDirectory, "run.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        LogFile.WriteLines(Path.Combine(OutputDirectory, "raw.log"), RawLines);
        LogFile.WriteLines(Path.Combine(OutputDirectory, "normalized.log"), Normalize());
    }

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0 + (time.Ticks % TimeSpan.TicksPerMillisecond) / 1e7;
}

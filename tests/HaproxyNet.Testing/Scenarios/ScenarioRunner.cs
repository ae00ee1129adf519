using System.Diagnostics;
using System.Globalization;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// Runs one golden scenario against a proxy binary on loopback, like <c>logcompare.py run</c>: free ports, rendered
/// config, in-process backends, a UDP syslog receiver, the proxy as a child process (<c>-db -f cfg</c>), the steps,
/// then SIGUSR1 / SIGTERM / SIGKILL by PID. Returns the datagrams and the run description.
/// </summary>
public sealed partial class ScenarioRunner
{
    private readonly object _timelineLock = new();
    private readonly List<string> _timeline = [];
    private readonly List<string> _errors = [];
    private readonly Stopwatch _clock = new();

    private ScenarioRunner(ScenarioDefinition scenario)
    {
        Scenario = scenario;
    }

    public ScenarioDefinition Scenario { get; }

    /// <summary>Runs <paramref name="scenarioDirectory"/> with <paramref name="binaryCommand"/> (a command prefix, split like a shell would).</summary>
    /// <param name="outputDirectory">Receives haproxy.cfg, stdout.log, stderr.log, run.json, raw.log and normalized.log.</param>
    /// <exception cref="ScenarioException">The scenario files are missing or invalid.</exception>
    public static ScenarioRun Run(string binaryCommand, string scenarioDirectory, string outputDirectory) =>
        new ScenarioRunner(ScenarioDefinition.Load(scenarioDirectory)).Execute(binaryCommand, outputDirectory);

    private ScenarioRun Execute(string binaryCommand, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        _clock.Start();
        var prefix = CommandLine.Split(binaryCommand);
        if (prefix.Count == 0)
        {
            throw new ScenarioException("empty binary command");
        }

        using var syslog = new SyslogReceiver();
        syslog.Start();
        var names = Scenario.PortNames.Where(n => n != "SYSLOG_PORT").ToList();
        var ports = FreePorts.Pick(names, [syslog.Port]);
        ports["SYSLOG_PORT"] = syslog.Port;
        var cfgPath = Path.GetFullPath(Path.Combine(outputDirectory, "haproxy.cfg"));
        List<string> argv = [.. prefix, "-db", "-f", cfgPath];
        var backends = new Dictionary<string, ScenarioBackend>(StringComparer.Ordinal);
        var clients = new ClientRunner(ports);
        ProxyProcess? proxy = null;
        int? exitCode = null;
        var start = DateTimeOffset.UtcNow;
        try
        {
            File.WriteAllText(cfgPath, Placeholders.Render(Scenario.Template, ports));
            foreach (var (key, spec) in Scenario.Backends)
            {
                backends[key] = new ScenarioBackend(key, ports[key], spec as System.Text.Json.Nodes.JsonObject ?? [], Timeline);
            }

            foreach (var backend in backends.Values)
            {
                if (backend.StartsAtOnce)
                {
                    backend.Start();
                }
            }

            Timeline("starting proxy");
            proxy = ProxyProcess.Start(argv, outputDirectory, Path.Combine(outputDirectory, "stdout.log"), Path.Combine(outputDirectory, "stderr.log"));
            var listen = Scenario.ListenPorts();
            if (!proxy.WaitListening(listen.Select(n => ports[n]).ToList(), TimeSpan.FromMilliseconds(Scenario.Settings.StartupTimeoutMs)))
            {
                throw new ScenarioException($"proxy did not start listening on [{string.Join(", ", listen)}] (see stderr.log)");
            }

            Timeline("proxy listening");
            RunSteps(syslog, backends, clients, ports);
            Thread.Sleep(TimeSpan.FromMilliseconds(Scenario.Settings.SettleMs));
        }
        catch (ScenarioException e)
        {
            AddError(e.Message);
        }
        finally
        {
            if (proxy is not null)
            {
                exitCode = proxy.Stop(TimeSpan.FromMilliseconds(Scenario.Settings.StopGraceMs), Timeline);
                proxy.Dispose();
            }

            // Let the last datagrams arrive.
            Thread.Sleep(300);
            syslog.Stop();
            foreach (var backend in backends.Values)
            {
                backend.Stop();
            }
        }

        var run = new ScenarioRun
        {
            Scenario = Scenario.Name,
            OutputDirectory = outputDirectory,
            Argv = argv,
            Ports = ports,
            Pid = proxy?.Pid,
            ExitCode = exitCode,
            StartTime = start,
            EndTime = DateTimeOffset.UtcNow,
            ProgramNames = ProgramNames.FromCommand(prefix),
            Datagrams = syslog.Records,
            ClientConnections = clients.Connections,
            Clients = clients.Results,
            Errors = ErrorsSnapshot(),
            Timeline = TimelineSnapshot(),
            BackendStats = backends.ToDictionary(b => b.Key, b => (b.Value.Accepted, b.Value.HttpRequests), StringComparer.Ordinal),
        };
        run.WriteOutputs();
        return run;
    }

    private void Timeline(string message)
    {
        lock (_timelineLock)
        {
            _timeline.Add(string.Format(CultureInfo.InvariantCulture, "{0,8:F3}s {1}", _clock.Elapsed.TotalSeconds, message));
        }
    }

    private void AddError(string message)
    {
        lock (_timelineLock)
        {
            _errors.Add(message);
        }
    }

    private List<string> ErrorsSnapshot()
    {
        lock (_timelineLock)
        {
            return [.. _errors];
        }
    }

    private List<string> TimelineSnapshot()
    {
        lock (_timelineLock)
        {
            return [.. _timeline];
        }
    }
}

using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>process_session on the simulated network, in virtual time. Common setup.</summary>
public partial class ProcessSessionTests
{
    private const int Fe = 10001;
    private const int Be1 = 20001;
    private const int Be2 = 20002;

    private static (EngineHarness H, Proxy P) Listen(ProxyOptions options, int connect = 5000, int client = 60000, int server = 60000, int queue = 0, int retries = 3)
    {
        var g = new Core.GlobalSettings();
        g.Logs.Add(EngineHarness.Local0);
        var h = new EngineHarness(g, trace: true);
        var p = h.AddListen("t", Fe);
        p.Options = options | ProxyOptions.TcpLog;
        p.Timeouts.Connect = connect;
        p.Timeouts.Client = client;
        p.Timeouts.Server = server;
        p.Timeouts.Queue = queue == 0 ? connect : queue;
        p.ConnRetries = retries;
        return (h, p);
    }

    /// <summary>Adds a client now and runs until it is accepted; returns the accept time (ms since start).</summary>
    private static long AcceptClient(EngineHarness h, params SimClientAction[] actions)
    {
        var before = h.Loop.TotalConn;
        h.AddClient(Fe, 0, actions);
        Assert.True(h.RunUntil(() => h.Loop.TotalConn > before, 1000));
        h.Settle(); // let the new session run its first turn
        return h.ElapsedMs;
    }

    /// <summary>The tcplog lines (message text) captured so far.</summary>
    private static List<string> SessionLines(EngineHarness h) =>
        h.Log.Messages.Where(m => m.Contains(" [", StringComparison.Ordinal)).ToList();

    /// <summary>"Tw/Tc/Tt bytes tt counters queues" of a tcplog line (after fe and be/srv).</summary>
    private static string Tail(string line) => string.Join(' ', line.Split(' ').Skip(4));

    private static string Server(string line) => line.Split(' ')[3];

    private static SimClientAction[] Hold(int ms) => [new SimClientAction.HoldUntil(ms)];
}

using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Checks;

/// <summary>A TCP listen proxy with checked servers on the simulated network, started without moving time.</summary>
internal sealed class CheckTestBed
{
    public const int FePort = 10001;

    public CheckTestBed(GlobalSettings? global = null)
    {
        var g = global ?? new GlobalSettings();
        g.Logs.Add(EngineHarness.Local0);
        H = new EngineHarness(g);
        P = H.AddListen("px", FePort);
        P.Mode = ProxyMode.Tcp;
        P.Options = ProxyOptions.TcpLog;
        P.Timeouts.Connect = 2000;
        P.Timeouts.Client = 5000;
        P.Timeouts.Server = 5000;
        P.Timeouts.Queue = 2000;
    }

    public EngineHarness H { get; }

    public Proxy P { get; }

    /// <summary>Adds a checked server (health starts at rise, as 1.4 does) answering with <paramref name="kind"/>.</summary>
    public Server AddChecked(string name, int port, SimServerKind kind, int rise = 2, int fall = 3, int inter = 1000, int fastinter = 0, int downinter = 0, bool backup = false)
    {
        var s = H.AddServer(P, name, port, kind);
        s.Checked = true;
        s.CheckStatus = CheckStatus.Initializing;
        s.Rise = rise;
        s.Fall = fall;
        s.Inter = inter;
        s.FastInter = fastinter;
        s.DownInter = downinter;
        s.Health = rise;
        s.CheckPort = port;
        if (backup)
        {
            s.State |= ServerState.Backup;
        }

        return s;
    }

    public SimServer Peer(Server s) => H.Network.ServerAt(EngineHarness.Ep(s.CheckPort))!;

    /// <summary>Starts checks and proxies at t=0 and runs the turns due now (the first check) without moving time.</summary>
    public void Start()
    {
        H.Network.HorizonUs = H.Time.NowUs;
        H.Start();
        H.Settle();
        H.Network.HorizonUs = -1;
    }

    /// <summary>Log messages (without newline) containing <paramref name="text"/>.</summary>
    public List<string> Lines(string text) => H.Log.Messages.Where(m => m.Contains(text, StringComparison.Ordinal)).ToList();
}

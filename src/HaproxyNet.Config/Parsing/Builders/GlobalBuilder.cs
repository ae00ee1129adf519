using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>The <c>global</c> section while parsing (1.4's <c>struct global</c>).</summary>
internal sealed class GlobalBuilder
{
    public bool Daemon;
    public bool Debug;
    public bool Quiet;
    public int NbProc;
    public int MaxConn;
    public int MaxPipes;
    public int UlimitN;
    public string? Chroot;
    public string? PidFile;
    public int Uid;
    public int Gid;
    public List<LogTarget> Logs = [];
    public string? LogSendHostname;
    public string? LogTag;
    public string? Description;
    public string? Node;
    public int SpreadChecks;
    public int TuneMaxPollEvents;
    public int TuneMaxAccept;
    public int TunePipeSize;
    public int TuneBufSize = 16384;
    public int TuneMaxRewrite = 8192;
    public int TuneChkSize = 16384;
    public int TuneRcvBufClient;
    public int TuneRcvBufServer;
    public int TuneSndBufClient;
    public int TuneSndBufServer;
    public HashSet<string> Pollers = new(StringComparer.Ordinal);
    public string? StatsSocket;
    public string StatsSocketLevel = "operator";
    public uint StatsTimeout = 10000;
    public int StatsMaxConn = 10;
    public int StatsSocketUid = -1;
    public int StatsSocketGid = -1;
    public int StatsSocketMode;
}

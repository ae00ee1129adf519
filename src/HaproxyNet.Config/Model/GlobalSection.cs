namespace HaproxyNet.Config.Model;

/// <summary>Process-wide settings from the <c>global</c> section(s); 0 means "not set" for numbers.</summary>
public sealed record GlobalSection
{
    public bool Daemon { get; init; }

    public bool Debug { get; init; }

    public bool Quiet { get; init; }

    public int NbProc { get; init; }

    /// <summary>Global maxconn; 0 when unset (1.4 then uses 2000).</summary>
    public int MaxConn { get; init; }

    public int MaxPipes { get; init; }

    public int UlimitN { get; init; }

    public string? Chroot { get; init; }

    public string? PidFile { get; init; }

    public int Uid { get; init; }

    public int Gid { get; init; }

    public IReadOnlyList<LogTarget> Logs { get; init; } = [];

    public string? LogSendHostname { get; init; }

    public string? LogTag { get; init; }

    public string? Description { get; init; }

    public string? Node { get; init; }

    public int SpreadChecks { get; init; }

    public int TuneBufSize { get; init; }

    public int TuneMaxRewrite { get; init; }

    public int TuneChkSize { get; init; }

    public int TuneMaxAccept { get; init; }

    /// <summary><c>nosplice</c>: never splice, whatever the proxies ask.</summary>
    public bool NoSplice { get; init; }

    /// <summary><c>tune.pipesize</c> (splice builds only), 0 = unset.</summary>
    public int TunePipeSize { get; init; }

    public int TuneMaxPollEvents { get; init; }

    /// <summary><c>tune.sndbuf.client</c> in bytes (0 = kernel default).</summary>
    public int TuneSndBufClient { get; init; }

    /// <summary><c>tune.sndbuf.server</c> in bytes (0 = kernel default).</summary>
    public int TuneSndBufServer { get; init; }

    /// <summary><c>tune.rcvbuf.client</c> in bytes (0 = kernel default).</summary>
    public int TuneRcvBufClient { get; init; }

    /// <summary><c>tune.rcvbuf.server</c> in bytes (0 = kernel default).</summary>
    public int TuneRcvBufServer { get; init; }

    public string? StatsSocket { get; init; }

    public string StatsSocketLevel { get; init; } = "operator";

    /// <summary>CLI idle timeout in milliseconds (default 10 s).</summary>
    public uint StatsTimeout { get; init; }

    public int StatsMaxConn { get; init; }

    /// <summary><c>stats socket ... uid|user</c>: owner of the socket file, -1 = unchanged.</summary>
    public int StatsSocketUid { get; init; } = -1;

    /// <summary><c>stats socket ... gid|group</c>: group of the socket file, -1 = unchanged.</summary>
    public int StatsSocketGid { get; init; } = -1;

    /// <summary><c>stats socket ... mode</c> (octal), 0 = as created.</summary>
    public int StatsSocketMode { get; init; }
}

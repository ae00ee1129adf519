using HaproxyNet.Core.Stats;
using HaproxyNet.IO.Stats;

namespace HaproxyNet.Host.Runtime;

/// <summary>The stats socket and what <c>show info</c> reports about the process.</summary>
internal sealed partial class EngineProcess
{
    private UnixStatsSocket? _statsSocket;

    /// <summary>
    /// Binds the <c>stats socket</c> (1.4 binds it with the other protocols, before chroot and setuid). On failure
    /// prints 1.4's alert and returns false.
    /// </summary>
    private bool BindStatsSocket()
    {
        var g = _startup.Config.Global;
        _loop.Pid = Environment.ProcessId;
        _loop.MaxSock = _maxSock;
        _loop.UlimitN = g.UlimitN > 0 ? g.UlimitN : _maxSock;
        _loop.MemMaxMb = _startup.Options.MemMaxMegabytes;
        if (g.StatsSocket is not { } path)
        {
            return true;
        }

        var level = g.StatsSocketLevel switch
        {
            "user" => CliLevel.User,
            "admin" => CliLevel.Admin,
            _ => CliLevel.Operator,
        };
        var settings = new StatsSocketSettings(
            path,
            level,
            g.StatsTimeout > 0 ? (int)Math.Min(int.MaxValue, g.StatsTimeout) : 10000,
            g.StatsMaxConn > 0 ? g.StatsMaxConn : 10,
            g.StatsSocketUid,
            g.StatsSocketGid,
            g.StatsSocketMode);
        _statsSocket = new UnixStatsSocket(settings, _loop);
        if (_statsSocket.Bind() is not null)
        {
            _printer.Alert($"[{_startup.Argv0}.main()] Some protocols failed to start their listeners! Exiting.\n");
            _statsSocket.Dispose();
            _statsSocket = null;
            return false;
        }

        return true;
    }

    /// <summary>Starts serving the stats socket (the start date was stamped by start_checks).</summary>
    private void StartStatsSocket() => _statsSocket?.Start();

    /// <summary>Graceful end: the socket file goes away with the process (SIGTERM would leave it).</summary>
    private void CloseStatsSocket() => _statsSocket?.Close(removeFile: true);
}

using System.Globalization;
using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Handover;

namespace HaproxyNet.Host.Runtime;

/// <summary>The listening-socket hand-over around binding (see <see cref="HandoverServer"/>, <see cref="ListenerHandover"/>).</summary>
internal sealed partial class EngineProcess
{
    /// <summary>
    /// Set by the <c>-D</c> parent on the 2nd..nth <c>nbproc</c> child: the pid of the first child, whose sockets
    /// they take, so that all the processes accept from the same queues as 1.4's forked children do.
    /// </summary>
    public const string ShareFromVariable = "HAPROXYNET_SHARE_FROM";

    private ListenerHandover? _handover;
    private HandoverServer? _handoverServer;

    /// <summary>The server handing our sockets over, or null (for tests).</summary>
    internal HandoverServer? Handover => _handoverServer;

    /// <summary>Sockets adopted from another process while binding.</summary>
    internal int AdoptedListeners => _handover?.AdoptedCount ?? 0;

    /// <summary>
    /// Before binding: ask the first of the <c>nbproc</c> sibling (daemon children) or of the <c>-sf</c>/<c>-st</c>
    /// PIDs that answers for its listening sockets. Nothing answers (a 1.4 process, a stopping one, the select
    /// transport): every listener is bound as before.
    /// </summary>
    private void InheritListeners()
    {
        if (_handover is null)
        {
            return;
        }

        if (int.TryParse(Environment.GetEnvironmentVariable(ShareFromVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var sibling)
            && Take(sibling))
        {
            return;
        }

        foreach (var pid in _startup.Options.OldPids)
        {
            if (pid > 0 && pid != Environment.ProcessId && Take(pid))
            {
                return;
            }
        }
    }

    private bool Take(int pid)
    {
        var received = HandoverSocket.Receive(pid);
        if (received is null)
        {
            return false;
        }

        foreach (var (fd, key) in received)
        {
            _handover!.AddInherited(fd, key);
        }

        return true;
    }

    /// <summary>After binding: close what no bind line took; listen again on adopted sockets an old process paused.</summary>
    private void SettleHandover(bool oldPidsPaused)
    {
        if (_handover is null)
        {
            return;
        }

        _handover.CloseUnadopted();
        if (oldPidsPaused && _handover.AdoptedCount > 0)
        {
            // SIGTTOU made the old process shut its listeners, shared with us: listen() puts them back.
            foreach (var p in _loop.Proxies)
            {
                foreach (var l in p.Listeners)
                {
                    _ = l.Socket?.Resume();
                }
            }
        }
    }

    /// <summary>Once running: serve our sockets to the next process (and to nbproc siblings).</summary>
    private void ServeHandover()
    {
        if (_handover is not null)
        {
            _handoverServer = HandoverServer.Start(_handover);
        }
    }

    private static ListenerHandover? CreateHandover(Core.Ports.INetwork network)
    {
        if (network is not EpollNetwork epoll)
        {
            return null; // the portable transport binds every time
        }

        var handover = new ListenerHandover();
        epoll.Handover = handover;
        return handover;
    }
}

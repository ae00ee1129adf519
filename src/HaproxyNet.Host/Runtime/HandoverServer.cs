using System.Runtime.InteropServices;
using HaproxyNet.IO.Handover;

namespace HaproxyNet.Host.Runtime;

/// <summary>
/// Serves this process's listening sockets to its successor (<c>-sf</c>/<c>-st</c>) or to its <c>nbproc</c>
/// siblings, on <c>@haproxynet-&lt;pid&gt;</c> (<see cref="HandoverSocket"/>), from one background thread.
/// </summary>
/// <remarks>
/// Beyond 1.4, whose successor binds next to it (SO_REUSEPORT) so that the clients queued on the old socket are
/// reset when it closes. The thread only sends descriptors (<see cref="ListenerHandover.OpenListeners"/>): it never
/// touches the engine, and holds no descriptor of its own, so the listeners close with the engine's as in 1.4. It
/// stops serving at the first SIGUSR1: a stopping process hands nothing over.
/// </remarks>
internal sealed class HandoverServer : IDisposable
{
    private readonly object _gate = new();
    private readonly ListenerHandover _table;
    private readonly int _listenFd;
    private readonly Thread _thread;
    private readonly PosixSignalRegistration _softStop;
    private bool _stopped;

    private HandoverServer(int listenFd, ListenerHandover table)
    {
        _listenFd = listenFd;
        _table = table;
        _thread = new Thread(Serve) { Name = "haproxynet-handover", IsBackground = true };
        _softStop = PosixSignalRegistration.Create((PosixSignal)SignalBridge.SigUsr1, context =>
        {
            context.Cancel = true; // the engine's own registration soft-stops
            Stop();
        });
    }

    /// <summary>Sockets handed over so far (for tests).</summary>
    public int Served { get; private set; }

    /// <summary>Starts serving <paramref name="table"/>'s bound listeners; null when there is nothing to serve or the name is taken.</summary>
    public static HandoverServer? Start(ListenerHandover table)
    {
        if (table.OpenListeners().Count == 0)
        {
            return null;
        }

        var fd = HandoverSocket.Listen(Environment.ProcessId, out _);
        if (fd < 0)
        {
            return null;
        }

        var server = new HandoverServer(fd, table);
        server._thread.Start();
        return server;
    }

    /// <summary>Stops serving; idempotent, callable from any thread.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            HandoverSocket.Stop(_listenFd);
        }
    }

    public void Dispose()
    {
        _softStop.Dispose();
        Stop();
        _ = _thread.Join(TimeSpan.FromSeconds(1));
    }

    private void Serve()
    {
        while (true)
        {
            var connection = HandoverSocket.Accept(_listenFd, out var uid);
            if (connection < 0)
            {
                return;
            }

            lock (_gate)
            {
                if (_stopped || !HandoverSocket.MayReceive(uid))
                {
                    HandoverSocket.Close(connection);
                    continue;
                }

                var listeners = _table.OpenListeners();
                if (HandoverSocket.Send(connection, listeners))
                {
                    Served += listeners.Count;
                }
            }
        }
    }
}

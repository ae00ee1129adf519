using System.Runtime.InteropServices;
using HaproxyNet.Core;

namespace HaproxyNet.Host.Runtime;

/// <summary>
/// Turns POSIX signals into <see cref="EngineSignal"/>s queued to the loop thread; no engine code runs on the
/// signal thread.
/// </summary>
/// <remarks>
/// 1.4 registers its handlers with <c>signal_register_fct</c> and runs them from <c>run_poll_loop</c>
/// (<c>signal_process_queue</c>): the handler here only queues and wakes the poller. Each handled signal's
/// default action (terminate for SIGUSR1/SIGHUP, stop for SIGTTOU/SIGTTIN) is cancelled. SIGTERM and SIGINT
/// are left alone: 1.4 does not catch them, the process dies at once.
/// </remarks>
internal sealed class SignalBridge : IDisposable
{
    /// <summary>Linux numbers (PosixSignal accepts raw values).</summary>
    public const int SigHup = 1;
    public const int SigQuit = 3;
    public const int SigUsr1 = 10;
    public const int SigTtin = 21;
    public const int SigTtou = 22;

    private readonly EngineLoop _loop;
    private readonly List<PosixSignalRegistration> _registrations = [];

    public SignalBridge(EngineLoop loop)
    {
        _loop = loop;
    }

    /// <summary>Hands <paramref name="signal"/> to the loop as <paramref name="engineSignal"/>.</summary>
    public void Forward(int signal, EngineSignal engineSignal)
    {
        var loop = _loop;
        _registrations.Add(PosixSignalRegistration.Create((PosixSignal)signal, context =>
        {
            context.Cancel = true;
            loop.RaiseSignal(engineSignal);
        }));
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _registrations.Clear();
    }
}

namespace HaproxyNet.Host.Runtime;

/// <summary>The descriptor and memory limits of 1.4's <c>main()</c> (CLI.md §3 steps 4 and 10, §1 <c>-m</c>).</summary>
internal sealed partial class EngineProcess
{
    private int _runtimeDescriptors;
    private int _maxSock;

    /// <summary>
    /// Before binding: RLIMIT_NOFILE := ulimit-n (default maxsock) plus what the runtime holds, then the <c>-m</c>
    /// memory cap. Both failures are warnings printed even in quiet mode (1.4 is still starting).
    /// </summary>
    private void ApplyStartupLimits()
    {
        _maxSock = ProcessLimits.MaxSock(_startup.Config, _loop.Global.MaxConn);
        var nofile = _startup.Config.Global.UlimitN > 0 ? _startup.Config.Global.UlimitN : _maxSock;
        _runtimeDescriptors = ProcessLimits.RuntimeDescriptors();
        if (!ProcessLimits.TrySetFdLimit((long)nofile + _runtimeDescriptors))
        {
            _printer.Warning($"[{_startup.Argv0}.main()] Cannot raise FD limit to {nofile}.\n");
        }

        // The proxy's sockets stop at ulimit-n (+ what the runtime held at start): the reserve above stays the
        // runtime's, which aborts the process when it cannot open a descriptor (a new JIT or pool thread).
        var limit = ProcessLimits.CurrentFdLimit();
        if (limit > 2L * IO.DescriptorBudget.RuntimeReserve)
        {
            IO.DescriptorBudget.Ceiling = (int)Math.Min(int.MaxValue, limit - IO.DescriptorBudget.RuntimeReserve);
        }

        var megs = _startup.Options.MemMaxMegabytes;
        if (megs > 0 && !ProcessLimits.TrySetMemoryLimit(megs, _startup.Modes.NbProc))
        {
            _printer.Warning($"[{_startup.Argv0}.main()] Cannot fix MEM limit to {megs} megs.\n");
        }
    }

    /// <summary>After the identity change: warns when the descriptors left to the proxy are fewer than maxsock.</summary>
    private void CheckFdLimit()
    {
        var available = ProcessLimits.CurrentFdLimit() - _runtimeDescriptors;
        if (available < _maxSock)
        {
            WarnIfShown($"[{_startup.Argv0}.main()] FD limit ({available}) too low for maxconn={_loop.Global.MaxConn}/maxsock={_maxSock}. Please raise 'ulimit-n' to {_maxSock} or more to avoid any trouble.\n");
        }
    }
}

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>SIGQUIT on the real binary: the pool dump on stderr (no prefix), honouring quiet mode (CLI.md §4).</summary>
public partial class EngineProcessTests
{
    [Fact]
    public void Run_SigQuit_PoolDumpOnStderrStillRunning()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config, port, "-db");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        proxy.Signal(Signals.SigQuit);
        Assert.True(WaitStderr(proxy, "Total: 1 pools"), "no pool dump");
        Assert.False(proxy.HasExited);
        proxy.Signal(Signals.SigUsr1);

        Assert.Equal(0, proxy.WaitExit());
        Assert.StartsWith(
            "Dumping pools usage.\n  - Pool buffer (16384 bytes) : 0 allocated (0 bytes), 0 used, 1 users\nTotal: 1 pools, 0 bytes allocated, 0 used.\n",
            proxy.Stderr(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SigQuitQuiet_NothingPrinted()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config, port, "-db", "-q");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        proxy.Signal(Signals.SigQuit);
        proxy.Signal(Signals.SigUsr1); // handled after the dump: the loop takes signals in arrival order

        Assert.Equal(0, proxy.WaitExit());
        Assert.Equal(string.Empty, proxy.Stderr());
    }

    /// <summary>Waits (bounded) until the proxy's stderr contains <paramref name="text"/>.</summary>
    private static bool WaitStderr(RunningProxy proxy, string text)
    {
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (DateTime.UtcNow < deadline)
        {
            if (proxy.Stderr().Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return false;
    }
}

using System.Globalization;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary><c>-D</c> and the pidfile through the real binary (CLI.md §3 steps 8 and 11).</summary>
[Trait("Category", "Process")]
public class DaemonLauncherTests
{
    private const string Config = RunningProxy.TcpListen;

    [Fact]
    public void Launch_DaemonWithPidfile_ParentExitsZeroPidfileNamesListeningChild()
    {
        var port = RunningProxy.FreePort();
        using var parent = RunningProxy.Start(Config, port, "-D", "-p", "run.pid");
        Assert.Equal(0, parent.WaitExit());

        var pidText = File.ReadAllText(Path.Combine(parent.Folder, "run.pid"));
        Assert.Matches(@"^\d+\n$", pidText);
        var child = int.Parse(pidText.TrimEnd('\n'), CultureInfo.InvariantCulture);
        Assert.NotEqual(parent.Pid, child);
        try
        {
            Assert.True(parent.WaitLog("Proxy l started"));
            Assert.Contains($"haproxynet[{child}]: Proxy l started.", parent.Lines()[0], StringComparison.Ordinal);
            Assert.Equal(string.Empty, parent.Stderr());
        }
        finally
        {
            Signals.Send(child, Signals.SigUsr1);
        }

        Assert.True(parent.WaitLog("Proxy l stopped"), "daemon child did not soft-stop");
        Assert.True(WaitGone(child), "daemon child still running");
    }

    [Fact]
    public void Launch_ForegroundWithPidfile_NoPidfileWritten()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config, port, "-db", "-p", "run.pid");
        Assert.True(proxy.WaitLog("Proxy l started"));
        var exists = File.Exists(Path.Combine(proxy.Folder, "run.pid"));
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
        Assert.False(exists);
    }

    private static bool WaitGone(int pid)
    {
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture)))
        {
            if (DateTime.UtcNow > deadline)
            {
                Signals.Send(pid, Signals.SigKill);
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}

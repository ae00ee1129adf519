using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary><c>ulimit-n</c>/maxsock and <c>-m</c> on the real binary (CLI.md §1, §3 steps 4 and 10).</summary>
[Trait("Category", "Process")]
public class ProcessLimitsProcessTests
{
    [Fact]
    public void Run_UlimitNBelowMaxsock_FdLimitWarningLimitAppliedStillServes()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(RunningProxy.TcpListenWithGlobal("ulimit-n 100"), port, "-db");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        var limit = OpenFilesLimit(proxy.Pid);
        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, port);
        }

        Assert.True(proxy.WaitLog("Connect from 127\\.0\\.0\\.1:"));
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());

        // 100 for the proxy plus the descriptors the runtime held at start-up: never the unlimited default.
        Assert.InRange(limit, 101, 1000);
        Assert.Matches(@"^\[WARNING\] T : \[[^\]]*\.main\(\)\] FD limit \(100\) too low for maxconn=2000/maxsock=4011\. Please raise 'ulimit-n' to 4011 or more to avoid any trouble\.\n", proxy.Stderr());
    }

    [Fact]
    public void Run_MemoryLimitBelowCommittedHeap_CannotFixMemLimitWarning()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(RunningProxy.TcpListen, port, "-db", "-m", "1");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        proxy.Signal(Signals.SigUsr1);

        Assert.Equal(0, proxy.WaitExit());
        Assert.Matches(@"^\[WARNING\] T : \[[^\]]*\.main\(\)\] Cannot fix MEM limit to 1 megs\.\n", proxy.Stderr());
    }

    private static int OpenFilesLimit(int pid)
    {
        foreach (var line in File.ReadAllLines($"/proc/{pid}/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                return int.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}

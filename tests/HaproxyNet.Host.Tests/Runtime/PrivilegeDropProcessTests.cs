using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// <c>chroot</c>, <c>uid</c> and <c>gid</c> of the global section on the real binary (CLI.md §3 step 9): applied after
/// binding, or 1.4's alert and exit 1.
/// </summary>
[Trait("Category", "Process")]
public partial class PrivilegeDropProcessTests
{
    private const int Nobody = 65534;

    [Fact]
    public void Run_ChrootToMissingDirectory_AlertAfterBindExitOne()
    {
        var missing = "/nonexistent-hnet-" + Guid.NewGuid().ToString("N")[..8];
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(RunningProxy.TcpListenWithGlobal("chroot " + missing), port, "-db");

        Assert.Equal(1, proxy.WaitExit());
        Assert.Matches(@"^\[ALERT\] T : \[[^\]]*haproxynet\.dll\.main\(\)\] Cannot chroot\(" + missing + @"\)\.\n$", proxy.Stderr());
        Assert.True(proxy.WaitLog("Proxy l started"), "the listener was bound before the chroot");
    }

    [Fact]
    public void Run_ChrootUidGid_ServesFromNewRootAsNobodyOrAlertsWithoutPrivileges()
    {
        var root = Directory.CreateTempSubdirectory("hnet-chroot-").FullName;
        try
        {
            var port = RunningProxy.FreePort();
            var identity = $"chroot {root}\n    uid {Nobody}\n    gid {Nobody}";
            using var proxy = RunningProxy.Start(RunningProxy.TcpListenWithGlobal(identity), port, "-db");
            if (GetEuid() != 0)
            {
                // chroot(2) needs CAP_SYS_CHROOT: 1.4 stops here with the same alert.
                Assert.Equal(1, proxy.WaitExit());
                Assert.Contains($"Cannot chroot({root}).", proxy.Stderr(), StringComparison.Ordinal);
                return;
            }

            Assert.True(proxy.WaitListening(port), "proxy did not listen");
            Assert.True(proxy.WaitLog("Proxy l started"));
            Assert.True(WaitIdentity(proxy.Pid), "uid/gid never became " + Nobody);
            Assert.Equal(root, new FileInfo($"/proc/{proxy.Pid}/root").LinkTarget);

            using (var client = new TcpClient())
            {
                client.Connect(IPAddress.Loopback, port);
            }

            Assert.True(proxy.WaitLog("Connect from 127\\.0\\.0\\.1:"), "no session logged from inside the chroot");
            proxy.Signal(Signals.SigUsr1);
            Assert.Equal(0, proxy.WaitExit());
            Assert.DoesNotContain("[ALERT]", proxy.Stderr(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>True once /proc/pid/status shows uid and gid <see cref="Nobody"/> (real, effective, saved, fs).</summary>
    private static bool WaitIdentity(int pid)
    {
        var expected = $"\t{Nobody}\t{Nobody}\t{Nobody}\t{Nobody}";
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (DateTime.UtcNow < deadline)
        {
            var status = File.ReadAllText($"/proc/{pid}/status");
            if (status.Contains("Uid:" + expected, StringComparison.Ordinal) && status.Contains("Gid:" + expected, StringComparison.Ordinal))
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return false;
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial int GetEuid();
}

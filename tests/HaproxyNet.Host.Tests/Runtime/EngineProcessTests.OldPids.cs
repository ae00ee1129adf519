using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// The <c>-sf</c> bind retry (haproxy.c main): while a port is held by a socket without SO_REUSEPORT, the old PIDs
/// get SIGTTOU every 10 ms; once bound they get SIGUSR1; giving up sends SIGTTIN. The "old process" here is a
/// shell that only records the signals it receives.
/// </summary>
public partial class EngineProcessTests
{
    /// <summary>Appends each signal's name to <c>signals.txt</c>; exits on SIGUSR1.</summary>
    private const string RecorderScript =
        "trap 'echo TTOU >> signals.txt' TTOU; trap 'echo TTIN >> signals.txt' TTIN; " +
        "trap 'echo USR1 >> signals.txt; exit 0' USR1; echo ready > signals.txt; " +
        "for i in $(seq 1 600); do sleep 0.05; done";

    [Fact]
    public void Run_SfPortHeldThenReleased_OldPidGetsSigTtouThenSigUsr1()
    {
        using var recorder = SignalRecorder.Start();
        using var holder = HoldPort(out var port);
        using var proxy = RunningProxy.Start(Config, port, "-db", "-sf", recorder.Pid.ToString(CultureInfo.InvariantCulture));

        Assert.True(recorder.WaitFor("TTOU"), "no SIGTTOU while the port was held");
        holder.Close(); // the "old process" let the port go: the next retry binds

        Assert.True(proxy.WaitLog("Proxy l started"));
        Assert.True(recorder.WaitFor("USR1"), "no SIGUSR1 after binding");
        var signals = recorder.Signals();
        Assert.Equal("USR1", signals[^1]);
        Assert.DoesNotContain("TTIN", signals);
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
        Assert.DoesNotContain("[ALERT]", proxy.Stderr(), StringComparison.Ordinal); // retried attempts print nothing
    }

    [Fact]
    public void Run_SfPortNeverReleased_GivesUpWithOneAlertAndSigTtin()
    {
        using var recorder = SignalRecorder.Start();
        using var holder = HoldPort(out var port);

        using var proxy = RunningProxy.Start(Config, port, "-db", "-sf", recorder.Pid.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, proxy.WaitExit()); // about 200 x 10 ms of retries
        Assert.Equal("[ALERT] T : Starting proxy l: cannot bind socket\n", proxy.Stderr());
        Assert.True(recorder.WaitFor("TTIN"), "no SIGTTIN after giving up");
        // bash runs pending traps in signal-number order after each sleep: TTIN (21) may come before the last TTOU (22).
        var signals = recorder.Signals();
        Assert.Equal("TTOU", signals[1]);
        Assert.Contains("TTIN", signals);
        Assert.DoesNotContain("USR1", signals);
        Assert.Empty(proxy.Lines());
    }

    /// <summary>A listening socket without SO_REUSEADDR/SO_REUSEPORT on a free loopback port.</summary>
    private static Socket HoldPort(out int port)
    {
        var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        return holder;
    }

    /// <summary><c>bash</c> running <see cref="RecorderScript"/> in its own folder; SIGKILLed on dispose.</summary>
    private sealed class SignalRecorder : IDisposable
    {
        private readonly string _folder;
        private readonly ProxyProcess _process;

        private SignalRecorder(string folder, ProxyProcess process)
        {
            _folder = folder;
            _process = process;
        }

        public int Pid => _process.Pid;

        public static SignalRecorder Start()
        {
            var folder = Path.Combine(Path.GetTempPath(), "hnet-sig-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            var process = ProxyProcess.Start(["bash", "-c", RecorderScript], folder, Path.Combine(folder, "out.log"), Path.Combine(folder, "err.log"));
            var recorder = new SignalRecorder(folder, process);
            Assert.True(recorder.WaitFor("ready"), "the recorder did not start");
            return recorder;
        }

        public List<string> Signals()
        {
            var path = Path.Combine(_folder, "signals.txt");
            return File.Exists(path) ? [.. File.ReadAllLines(path)] : [];
        }

        /// <summary>Waits (bounded) until <paramref name="name"/> was recorded.</summary>
        public bool WaitFor(string name)
        {
            var deadline = DateTime.UtcNow + RunningProxy.Bounded;
            while (DateTime.UtcNow < deadline)
            {
                if (Signals().Contains(name))
                {
                    return true;
                }

                Thread.Sleep(10);
            }

            return false;
        }

        public void Dispose()
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

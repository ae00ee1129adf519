using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// Reloads that lose nothing: a process started with <c>-sf</c> takes the old one's listening sockets over
/// <c>@haproxynet-&lt;pid&gt;</c> (so no accept queue is ever closed with clients in it) and the old one drains;
/// <c>nbproc</c> children share their sockets the same way. Real binary on loopback, every process stopped by pid.
/// </summary>
[Trait("Category", "Process")]
public class ListenerHandoverProcessTests
{
    [Fact]
    public void Reload_SfForeground_NewProcessListensOnTheOldSocket()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        var config = RunningProxy.TcpListenTo(backend.Port);
        using var old = RunningProxy.Start(config, port, "-db");
        Assert.True(old.WaitLog("Proxy l started"));
        var inode = ProcSockets.ListenInode(old.Pid, port);
        Assert.NotNull(inode);

        using var next = RunningProxy.Start(config, port, "-db", "-sf", old.Pid.ToString(CultureInfo.InvariantCulture));
        Assert.True(next.WaitLog("Proxy l started"));
        Assert.True(old.WaitLog("Proxy l stopped"), "the old process was not told to finish");
        Assert.Equal(0, old.WaitExit());

        Assert.Equal(inode, ProcSockets.ListenInode(next.Pid, port)); // the same socket, not a new bind
        using (var client = EchoBackend.Client())
        {
            client.Connect(IPAddress.Loopback, port);
            Assert.True(EchoBackend.RoundTrip(client, 42));
        }

        next.Signal(Signals.SigUsr1);
        Assert.Equal(0, next.WaitExit());
        Assert.DoesNotContain("[ALERT]", next.Stderr(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_FiveSfReloadsUnderLoad_EveryExchangeCompletes()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        var config = RunningProxy.TcpListenTo(backend.Port);
        var processes = new List<RunningProxy>();
        var pids = new HashSet<int>();
        using var first = RunningProxy.Start(config, port, "-D", "-p", "run.pid");
        processes.Add(first);
        var pidFile = Path.Combine(first.Folder, "run.pid");
        using var load = new ExchangeLoad(port, clients: 8);
        try
        {
            Assert.Equal(0, first.WaitExit());
            Assert.True(first.WaitListening(port) || WaitConnectable(port));
            pids.UnionWith(ReadPids(pidFile));
            load.Start();
            Thread.Sleep(300);
            for (var i = 0; i < 5; i++)
            {
                var old = ReadPids(pidFile);
                var args = new List<string> { "-D", "-p", pidFile, "-sf" };
                args.AddRange(old.ConvertAll(p => p.ToString(CultureInfo.InvariantCulture)));
                var reload = RunningProxy.Start(config, port, [.. args]);
                processes.Add(reload);
                Assert.Equal(0, reload.WaitExit());
                pids.UnionWith(ReadPids(pidFile));
                Thread.Sleep(250);
            }

            Thread.Sleep(300);
            load.Stop();
            var current = ReadPids(pidFile);
            var retired = pids.Where(p => !current.Contains(p)).ToList();
            Assert.Equal(5, retired.Count);
            Assert.True(WaitGone(retired), "an old process did not drain and exit");
            Assert.True(load.Ok > 0);
            Assert.Equal(string.Empty, load.FailureSummary());
        }
        finally
        {
            load.Stop();
            foreach (var pid in pids)
            {
                Signals.Send(pid, Signals.SigUsr1);
            }

            if (!WaitGone(pids))
            {
                foreach (var pid in pids)
                {
                    Signals.Send(pid, Signals.SigKill);
                }
            }

            foreach (var p in processes)
            {
                p.Dispose();
            }
        }
    }

    [Fact]
    public void Launch_Nbproc2_BothChildrenShareOneSocketBothServeBothStopOnSigUsr1()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        var config = RunningProxy.TcpListenTo(backend.Port).Replace("global\n    log ", "global\n    nbproc 2\n    log ", StringComparison.Ordinal);
        using var parent = RunningProxy.Start(config, port, "-D", "-p", "run.pid");
        var pids = new List<int>();
        try
        {
            Assert.True(parent.WaitExit() == 0, parent.Stderr());
            pids = ReadPids(Path.Combine(parent.Folder, "run.pid"));
            Assert.Equal(2, pids.Count);
            Assert.True(parent.WaitLog("Proxy l started", 2));
            var inode = ProcSockets.ListenInode(pids[0], port);
            Assert.NotNull(inode);
            Assert.Equal(inode, ProcSockets.ListenInode(pids[1], port)); // one accept queue, as 1.4's forked children

            // Each child alone (the other stopped) accepts and proxies.
            foreach (var (serving, frozen) in new[] { (pids[0], pids[1]), (pids[1], pids[0]) })
            {
                Assert.True(Signals.Stop(frozen, RunningProxy.Bounded), $"process {frozen} did not stop");
                try
                {
                    using var client = EchoBackend.Client();
                    client.Connect(IPAddress.Loopback, port);
                    Assert.True(EchoBackend.RoundTrip(client, 7), $"process {serving} did not serve");
                }
                finally
                {
                    Signals.Send(frozen, Signals.SigCont);
                }
            }

            foreach (var pid in pids)
            {
                Assert.True(Signals.Send(pid, Signals.SigUsr1));
            }

            Assert.True(WaitGone(pids), "a child did not stop on SIGUSR1");
            Assert.True(parent.WaitLog("Proxy l stopped", 2));
        }
        finally
        {
            foreach (var pid in pids)
            {
                Signals.Send(pid, Signals.SigKill);
            }

            // A launch cut short by the bound leaves children the pidfile does not name yet: they run this test's config.
            foreach (var pid in PidsRunningFrom(parent.Folder))
            {
                Signals.Send(pid, Signals.SigKill);
            }
        }
    }

    /// <summary>Processes started in <paramref name="folder"/> (their working directory; the config path is relative).</summary>
    private static List<int> PidsRunningFrom(string folder)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var cwd = File.ResolveLinkTarget(Path.Combine(dir, "cwd"), returnFinalTarget: false)?.FullName;
                if (cwd is not null && Path.TrimEndingDirectorySeparator(cwd) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // gone meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // not ours
            }
        }

        return found;
    }

    private static List<int> ReadPids(string path)
    {
        var list = new List<int>();
        if (!File.Exists(path))
        {
            return list;
        }

        foreach (var word in File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            list.Add(int.Parse(word, CultureInfo.InvariantCulture));
        }

        return list;
    }

    private static bool WaitConnectable(int port)
    {
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = EchoBackend.Client();
                probe.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }

        return false;
    }

    private static bool WaitGone(IEnumerable<int> pids)
    {
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (pids.Any(p => Directory.Exists("/proc/" + p.ToString(CultureInfo.InvariantCulture))))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }

    /// <summary>Clients that each open a connection per exchange (512 bytes echoed), counting every outcome.</summary>
    private sealed class ExchangeLoad : IDisposable
    {
        private readonly int _port;
        private readonly Thread[] _threads;
        private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
        private volatile bool _stop;
        private int _ok;

        public ExchangeLoad(int port, int clients)
        {
            _port = port;
            _threads = new Thread[clients];
            for (var i = 0; i < clients; i++)
            {
                var seed = i;
                _threads[i] = new Thread(() => Run(seed)) { IsBackground = true, Name = "reload-client" };
            }
        }

        public int Ok => Volatile.Read(ref _ok);

        public void Start()
        {
            foreach (var t in _threads)
            {
                t.Start();
            }
        }

        public void Stop()
        {
            _stop = true;
            foreach (var t in _threads)
            {
                if (t.IsAlive)
                {
                    t.Join(RunningProxy.Bounded);
                }
            }
        }

        public string FailureSummary()
        {
            lock (_failures)
            {
                return string.Join(", ", _failures.Select(kv => $"{kv.Key} x{kv.Value}"));
            }
        }

        public void Dispose() => Stop();

        private void Run(int seed)
        {
            var payload = new byte[512];
            new Random(seed).NextBytes(payload);
            var back = new byte[512];
            while (!_stop)
            {
                var outcome = Exchange(payload, back);
                if (outcome is null)
                {
                    Interlocked.Increment(ref _ok);
                    continue;
                }

                lock (_failures)
                {
                    _failures[outcome] = _failures.GetValueOrDefault(outcome) + 1;
                }
            }
        }

        private string? Exchange(byte[] payload, byte[] back)
        {
            using var client = EchoBackend.Client();
            try
            {
                client.Connect(IPAddress.Loopback, _port);
                client.Send(payload);
                var got = 0;
                while (got < back.Length)
                {
                    var n = client.Receive(back, got, back.Length - got, SocketFlags.None);
                    if (n == 0)
                    {
                        return "incomplete";
                    }

                    got += n;
                }

                return back.AsSpan().SequenceEqual(payload) ? null : "corrupt";
            }
            catch (SocketException e)
            {
                return e.SocketErrorCode.ToString();
            }
        }
    }
}

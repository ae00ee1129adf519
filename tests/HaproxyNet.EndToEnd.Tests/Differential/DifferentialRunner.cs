using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HaproxyNet.LogDiff.Normalization;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>
/// Plays a list of cases through one proxy process (<c>&lt;command&gt; -db -f cfg</c>) on loopback, one connection
/// after the other: send the payload, half-close, read until the proxy closes. Keeps what the client got, what the
/// server got, and the normalized syslog output (client <c>cN</c> = case index + 1).
/// </summary>
internal static class DifferentialRunner
{
    public static readonly string[] Frontends = ["FE_PORT", "FE2_PORT", "FE3_PORT"];

    /// <summary>
    /// Two <see cref="Run"/>s at once (the second on its own thread): each has its own proxy process, ports, backend and
    /// syslog receiver, and plays its cases one after the other as <see cref="Run"/> does, so the per-case ordering
    /// (the next case only after this one's log line) holds within each run; the two processes never share a
    /// connection or a counter. Most of a run is waiting (proxy start, the per-case log wait), so the pair takes
    /// about as long as the slower run instead of the sum of both.
    /// </summary>
    public static (DifferentialRun Expected, DifferentialRun Actual) RunPair(
        IReadOnlyList<string> expectedCommand,
        string expectedConfig,
        string expectedDir,
        IReadOnlyList<string> actualCommand,
        string actualConfig,
        string actualDir,
        IReadOnlyList<DifferentialCase> cases,
        IReadOnlyList<string>? frontends = null)
    {
        DifferentialRun? actual = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                actual = Run(actualCommand, actualConfig, cases, actualDir, frontends);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true, Name = "differential-actual" };
        thread.Start();
        DifferentialRun expected;
        try
        {
            expected = Run(expectedCommand, expectedConfig, cases, expectedDir, frontends);
        }
        finally
        {
            // Run is bounded (proxy start 20 s, 8 s per case, stop 3 s and its own kill): the join waits for it.
            thread.Join();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return (expected, actual!);
    }

    public static DifferentialRun Run(IReadOnlyList<string> command, string configTemplate, IReadOnlyList<DifferentialCase> cases, string workDir, IReadOnlyList<string>? frontends = null)
    {
        frontends ??= Frontends;
        Directory.CreateDirectory(workDir);
        var start = DateTimeOffset.Now;
        var errors = new List<string>();
        using var syslog = new SyslogReceiver();
        syslog.Start();
        using var backend = new DifferentialBackend();
        var ports = FreePorts.Pick(frontends, [syslog.Port, backend.Port]);
        ports["BE_PORT"] = backend.Port;
        ports["SYSLOG_PORT"] = syslog.Port;
        var cfg = Path.Combine(workDir, "haproxy.cfg");
        File.WriteAllText(cfg, Placeholders.Render(configTemplate, ports));
        var argv = new List<string>(command) { "-db", "-f", cfg };
        var connections = new List<ClientConnection>();
        var outcomes = new CaseOutcome[cases.Count];
        int? pid = null;
        int? exitCode = null;
        using (var proxy = ProxyProcess.Start(argv, workDir, Path.Combine(workDir, "stdout.log"), Path.Combine(workDir, "stderr.log")))
        {
            pid = proxy.Pid;
            if (!proxy.WaitListening([.. frontends.Select(f => ports[f])], TimeSpan.FromSeconds(20)))
            {
                errors.Add("proxy did not listen on its frontends (see stderr.log in " + workDir + ")");
            }
            else
            {
                for (var i = 0; i < cases.Count; i++)
                {
                    backend.WaitIdle();
                    backend.CurrentCase = i;
                    outcomes[i] = PlayOne(cases[i], ports[cases[i].Frontend], connections, syslog);
                }
            }

            Thread.Sleep(300);
            exitCode = proxy.Stop(TimeSpan.FromSeconds(3), _ => { });
        }

        Thread.Sleep(200);
        syslog.Stop();
        for (var i = 0; i < cases.Count; i++)
        {
            outcomes[i] = (outcomes[i] ?? new CaseOutcome([], "not played", [])) with { BackendBytes = backend.ReceivedBy(i) };
        }

        var datagrams = syslog.Records;
        var raw = datagrams.Select(d => SyslogDatagramText.Decode(d.Data)).ToList();
        var description = new RunDescription
        {
            Ports = ports,
            Pid = pid,
            ProgramNames = ProgramNames.FromCommand(command),
            ClientConnections = connections,
            LogTimes = datagrams.Select(d => d.Received).ToList(),
            StartTime = start,
            EndTime = DateTimeOffset.Now,
        };
        File.WriteAllLines(Path.Combine(workDir, "raw.log"), raw);
        var normalized = LogNormalizer.Normalize(raw, description);
        File.WriteAllLines(Path.Combine(workDir, "normalized.log"), normalized);
        return new DifferentialRun(outcomes, normalized, errors, exitCode, workDir);
    }

    /// <summary>Linux TCP_CORK (netinet/tcp.h).</summary>
    private const SocketOptionName TcpCork = (SocketOptionName)3;

    private static CaseOutcome PlayOne(DifferentialCase c, int port, List<ClientConnection> connections, SyslogReceiver syslog)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.ReceiveTimeout = 5000;
        socket.SendTimeout = 5000;
        try
        {
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException e)
        {
            return new CaseOutcome([], "connect failed: " + e.SocketErrorCode, []);
        }

        connections.Add(new ClientConnection(DateTimeOffset.Now, ((IPEndPoint)socket.LocalEndPoint!).ToString(), c.Index + 1));
        var received = new MemoryStream();
        var end = "close";
        try
        {
            // Corked, the request and its FIN leave in one segment (shutdown flushes the cork): the proxy can then
            // never see the server's answer to a request before the client's close, whatever the scheduler does
            // between these two calls (under load the FIN could trail by milliseconds, and rows whose outcome
            // depends on that order, such as te-chunked-identity, came out differently from run to run).
            socket.SetSocketOption(SocketOptionLevel.Tcp, TcpCork, 1);
            socket.Send(c.Request.Bytes);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException e)
        {
            end = "send failed: " + e.SocketErrorCode;
        }

        var buffer = new byte[16384];
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(8))
            {
                var n = socket.Receive(buffer);
                if (n <= 0)
                {
                    break;
                }

                received.Write(buffer, 0, n);
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            end = "reset";
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
            end = "timeout";
        }

        WaitForLog(syslog, ((IPEndPoint)socket.LocalEndPoint!).Port);
        return new CaseOutcome(received.ToArray(), end, []);
    }

    /// <summary>
    /// Waits until the session's lines have arrived (one mentions the client's address and none came for 15 ms; at most
    /// 300 ms), so the next case is accepted only after this one was logged: otherwise its connection would show in
    /// this one's counters (actconn, feconn) by chance.
    /// </summary>
    private static void WaitForLog(SyslogReceiver syslog, int clientPort)
    {
        var token = "127.0.0.1:" + clientPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ";
        var clock = Stopwatch.StartNew();
        var seen = 0;
        var scanned = 0;
        var lastChange = TimeSpan.Zero;
        while (clock.Elapsed < TimeSpan.FromMilliseconds(300))
        {
            var records = syslog.Records;
            for (; scanned < records.Count; scanned++)
            {
                if (SyslogDatagramText.Decode(records[scanned].Data).Contains(token, StringComparison.Ordinal))
                {
                    seen++;
                    lastChange = clock.Elapsed;
                }
            }

            if (seen > 0 && clock.Elapsed - lastChange > TimeSpan.FromMilliseconds(15))
            {
                return;
            }

            Thread.Sleep(2);
        }
    }
}

/// <summary>The outcome of every case, the normalized log, harness errors and where the files are.</summary>
internal sealed record DifferentialRun(
    IReadOnlyList<CaseOutcome> Cases,
    IReadOnlyList<string> Log,
    IReadOnlyList<string> Errors,
    int? ExitCode,
    string WorkDir);

using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HaproxyNet.Core;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Tests.Epoll;

/// <summary>
/// Forwarding through kernel pipes (<c>option splice-request</c>/<c>splice-response</c>/<c>splice-auto</c>) with the
/// real engine on real loopback sockets: byte-exact both ways with half-closes, resets, the same logged byte counts
/// as the copying path, and <c>maxpipes</c> respected. Each scenario also runs without splicing, as the reference.
/// </summary>
[Trait("Category", "Loopback")]
public sealed partial class SpliceTests
{
    private const int Upload = 3_000_000;
    private const int Download = 5_000_000;

    private static readonly LogTarget Target = new(new IPEndPoint(IPAddress.Loopback, 514), null, 16);

    [Theory]
    [InlineData(ProxyOptions.SpliceRequest | ProxyOptions.SpliceResponse)]
    [InlineData(ProxyOptions.SpliceAuto)]
    public void Splice_UploadHalfCloseThenDownload_ByteExactBothWaysAndLoggedAsCopy(ProxyOptions splice)
    {
        var up = Payload(Upload, 1);
        var down = Payload(Download, 2);
        var (spliced, splicedLog) = RunHalfCloseSession(splice, up, down);
        var (copied, copiedLog) = RunHalfCloseSession(ProxyOptions.None, up, down);

        // Through the pipes: splice() calls, and far fewer recv than a copy of 8 MB in 16 KiB buffers needs.
        Assert.True(spliced[(int)Syscall.Splice] > 0, "no splice call");
        Assert.True(spliced[(int)Syscall.Recv] < copied[(int)Syscall.Recv] / 2, $"recv {spliced[(int)Syscall.Recv]} vs {copied[(int)Syscall.Recv]} copying");
        Assert.Equal(0, copied[(int)Syscall.Splice]);

        // The log line is the same: bytes (pipe bytes count), termination state, server.
        Assert.Equal(Fields(copiedLog), Fields(splicedLog));
        Assert.Equal(Download.ToString(System.Globalization.CultureInfo.InvariantCulture), Fields(splicedLog).Bytes);
    }

    [Fact]
    public void Splice_ServerResetsMidTransfer_ClientGetsPrefixAndSessionEndsLikeCopy()
    {
        var (splicedState, splicedBytes, splicedPipes) = RunResetSession(ProxyOptions.SpliceRequest | ProxyOptions.SpliceResponse);
        var (copiedState, _, _) = RunResetSession(ProxyOptions.None);

        Assert.Equal(copiedState, splicedState);
        Assert.True(splicedBytes > 0, "nothing forwarded before the reset");
        Assert.Equal(0, splicedPipes); // the pipe went back (or was closed) with the session
    }

    [Fact]
    public void Splice_ClientResetsMidUpload_SessionEndsLikeCopyAndPipeReleased()
    {
        var (spliced, pipes) = RunClientResetSession(ProxyOptions.SpliceRequest | ProxyOptions.SpliceResponse);
        var (copied, _) = RunClientResetSession(ProxyOptions.None);

        Assert.Equal(copied, spliced);
        Assert.StartsWith("C", spliced, StringComparison.Ordinal); // the client side ended it
        Assert.Equal(0, pipes);
    }

    [Fact]
    public void Splice_MaxPipesOne_TwoConcurrentSessionsOnePipeBothByteExact()
    {
        var global = Global(maxPipes: 1);
        var down = Payload(8_000_000, 4);
        var maxSeen = 0;
        using var engine = new EngineOnEpoll(0, 0, p => Configure(p, ProxyOptions.SpliceResponse), global, serve: conn =>
        {
            var one = new byte[1];
            conn.Receive(one);
            conn.Send(down);
            conn.Shutdown(SocketShutdown.Send);
            while (conn.Receive(one) > 0)
            {
            }
        });

        var results = new bool[2];
        var counts = engine.Measure(0, 1, () =>
        {
            var done = 0;
            var threads = new Thread[2];
            for (var i = 0; i < 2; i++)
            {
                var index = i;
                threads[i] = new Thread(() =>
                {
                    using var c = Connect(engine.Port);
                    c.Send([1]);
                    results[index] = ReadAll(c).AsSpan().SequenceEqual(down);
                    Interlocked.Increment(ref done);
                });
                threads[i].Start();
            }

            while (Volatile.Read(ref done) < 2)
            {
                maxSeen = Math.Max(maxSeen, engine.Loop.PipesUsed);
                Thread.Yield();
            }

            foreach (var t in threads)
            {
                t.Join();
            }
        }, perCall: 2);

        Assert.True(results[0] && results[1], "a transfer was not byte-exact");
        Assert.InRange(maxSeen, 0, 1);
        Assert.Equal(1, engine.Loop.PipesPeak);
        Assert.True(counts[(int)Syscall.Splice] > 0, "no splice at all");
        Assert.Equal(0, engine.Loop.PipesUsed);
    }

    private static (long[] Counts, string Log) RunHalfCloseSession(ProxyOptions splice, byte[] up, byte[] down)
    {
        var backendOk = false;
        using var engine = new EngineOnEpoll(0, 0, p => Configure(p, splice), Global(maxPipes: 8), serve: conn =>
        {
            backendOk = ReadAll(conn).AsSpan().SequenceEqual(up); // until the client's half-close
            conn.Send(down);
            conn.Shutdown(SocketShutdown.Send);
        });

        var clientOk = false;
        var counts = engine.Measure(0, 1, () =>
        {
            using var c = Connect(engine.Port);
            c.Send(up);
            c.Shutdown(SocketShutdown.Send); // half-close: the upload is over, the download goes on
            clientOk = ReadAll(c).AsSpan().SequenceEqual(down);
        });

        Assert.True(backendOk, "upload not byte-exact");
        Assert.True(clientOk, "download not byte-exact");
        Assert.Equal(0, engine.Loop.PipesUsed);
        return (counts, engine.Log.Messages[^1]);
    }

    private static (string State, long Bytes, int Pipes) RunResetSession(ProxyOptions splice)
    {
        var first = Payload(1_000_000, 5);
        using var engine = new EngineOnEpoll(0, 0, p => Configure(p, splice), Global(maxPipes: 8), serve: conn =>
        {
            var one = new byte[1];
            conn.Receive(one);
            conn.Send(first);
            Thread.Sleep(100);
            conn.LingerState = new LingerOption(true, 0);
            conn.Close(); // RST after the first megabyte
        });

        long got = 0;
        engine.Measure(0, 1, () =>
        {
            using var c = Connect(engine.Port);
            c.Send([1]);
            var buffer = new byte[65536];
            try
            {
                int n;
                while ((n = c.Receive(buffer)) > 0)
                {
                    got += n;
                }
            }
            catch (SocketException)
            {
            }
        });

        return (Fields(engine.Log.Messages[^1]).State, got, engine.Loop.PipesUsed);
    }

    private static (string State, int Pipes) RunClientResetSession(ProxyOptions splice)
    {
        using var engine = new EngineOnEpoll(0, 0, p => Configure(p, splice), Global(maxPipes: 4), serve: conn =>
        {
            var buffer = new byte[65536];
            while (conn.Receive(buffer) > 0)
            {
            }
        });
        engine.Measure(0, 1, () =>
        {
            using var c = Connect(engine.Port);
            c.Send(Payload(2_000_000, 3));
            c.LingerState = new LingerOption(true, 0);
            c.Close(); // RST
        });

        Assert.Equal(0, engine.Loop.ActConn);
        return (Fields(engine.Log.Messages[^1]).State, engine.Loop.PipesUsed);
    }

    private static void Configure(Proxy p, ProxyOptions splice)
    {
        p.Options |= ProxyOptions.TcpLog | splice;
        p.Logs.Add(Target);
        p.Timeouts.Client = 10_000;
        p.Timeouts.Server = 10_000;
        p.Timeouts.Connect = 5_000;
    }

    private static GlobalSettings Global(int maxPipes) => new() { UseSplice = true, MaxPipes = maxPipes, TimeZone = TimeZoneInfo.Utc };

    private static (string Bytes, string State, string Route) Fields(string line)
    {
        // <client> [date] <frontend> <backend>/<server> Tw/Tc/Tt <bytes> <state> ...
        var m = TcpLogLine().Match(line);
        Assert.True(m.Success, line);
        return (m.Groups["bytes"].Value, m.Groups["state"].Value, m.Groups["route"].Value);
    }

    private static Socket Connect(int port)
    {
        var c = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000, SendTimeout = 10_000 };
        c.Connect(new IPEndPoint(IPAddress.Loopback, port));
        return c;
    }

    private static byte[] ReadAll(Socket s)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[1 << 16];
        int n;
        while ((n = s.Receive(buffer)) > 0)
        {
            ms.Write(buffer, 0, n);
        }

        return ms.ToArray();
    }

    private static byte[] Payload(int size, int seed)
    {
        var b = new byte[size];
        new Random(seed).NextBytes(b);
        return b;
    }

    [GeneratedRegex(@"\] \S+ (?<route>\S+) \S+ (?<bytes>\d+) (?<state>\S+) ")]
    private static partial Regex TcpLogLine();
}

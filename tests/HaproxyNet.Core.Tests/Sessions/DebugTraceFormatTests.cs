using System.Net;
using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary><see cref="DebugTrace"/> on a hand-built session: exact text for unusual values, and no heap allocation.</summary>
public class DebugTraceFormatTests
{
    [Fact]
    public void Accept_MappedClientAndLargeNumbers_UnsignedShortFdsAndInetNtopAddress()
    {
        var (s, output) = NewSession(uniqId: 0x1_0000_002a, "fe");
        s.Listener.Socket = new FixedFdListener(0x10004);
        s.Si0.Fd = 70000;
        s.ClientAddress = new IPEndPoint(IPAddress.Parse("::ffff:10.1.2.3"), 65535);

        DebugTrace.Accept(output, s);

        // uniq_id is a 32-bit int in 1.4 and fds are cast to unsigned short.
        Assert.Equal("0000002a:fe.accept(0004)=1170 from [::ffff:10.1.2.3:65535]\n", Assert.Single(output.Lines));
    }

    [Fact]
    public void Closes_BothSidesWentFromEstToClo_ServerLineFirst()
    {
        var (s, output) = NewSession(uniqId: 3, "fe");
        s.Si0.Fd = 5;
        s.Si1.Fd = 9;
        s.Si0.PrevState = s.Si1.PrevState = SiState.Est;
        s.Si0.State = s.Si1.State = SiState.Clo;

        DebugTrace.Closes(output, s);

        Assert.Equal(["00000003:fe.srvcls[0005:0009]\n", "00000003:fe.clicls[0005:0009]\n"], output.Lines);
    }

    [Theory]
    [InlineData(SiState.Est, SiState.Est, SiState.Est, SiState.Est, "")]
    [InlineData(SiState.Est, SiState.Clo, SiState.Est, SiState.Est, "srvcls")]
    [InlineData(SiState.Est, SiState.Est, SiState.Est, SiState.Clo, "clicls")]
    [InlineData(SiState.Clo, SiState.Clo, SiState.Clo, SiState.Clo, "")]
    [InlineData(SiState.Con, SiState.Clo, SiState.Est, SiState.Clo, "clicls")]
    [InlineData(SiState.Que, SiState.Clo, SiState.Est, SiState.Est, "")]
    public void Closes_StateChanges_PrintsOnlyEstToClo(SiState srvPrev, SiState srv, SiState cliPrev, SiState cli, string expected)
    {
        var (s, output) = NewSession(uniqId: 0, "fe");
        (s.Si1.PrevState, s.Si1.State, s.Si0.PrevState, s.Si0.State) = (srvPrev, srv, cliPrev, cli);

        DebugTrace.Closes(output, s);

        Assert.Equal(expected, string.Concat(output.Lines.Select(l => l[12..18])));
    }

    [Fact]
    public void Closed_BackendSwitched_NamesTheBackend()
    {
        var (s, output) = NewSession(uniqId: 0xffffffff, "fe");
        s.Be = new Proxy("be");

        DebugTrace.Closed(output, s);

        Assert.Equal("ffffffff:be.closed[ffff:ffff]\n", Assert.Single(output.Lines));
    }

    [Fact]
    public void EveryLine_AfterWarmUp_NoHeapAllocation()
    {
        var (s, _) = NewSession(uniqId: 12, new string('p', 400)); // past the stack buffer: the pooled path
        var output = new CountingOutput();
        s.ClientAddress = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 1234);
        s.Si0.PrevState = s.Si1.PrevState = SiState.Est;
        s.Si0.State = s.Si1.State = SiState.Clo;
        var small = NewSession(uniqId: 13, "fe").S;
        small.ClientAddress = s.ClientAddress;
        small.Si0.PrevState = small.Si1.PrevState = SiState.Est;
        small.Si0.State = small.Si1.State = SiState.Clo;
        Run(s, output);
        Run(small, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run(s, output);
            Run(small, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101 * 2 * 4, output.Count); // accept, srvcls, clicls, closed per run and session
    }

    private static void Run(Session s, IDebugOutput output)
    {
        DebugTrace.Accept(output, s);
        DebugTrace.Closes(output, s);
        DebugTrace.Closed(output, s);
    }

    private static (Session S, RecordingDebugOutput Output) NewSession(long uniqId, string frontend)
    {
        var h = new EngineHarness();
        var fe = new Proxy(frontend);
        var l = new Listener(fe, EngineHarness.Ep(10001));
        return (new Session(h.Loop, l, uniqId, 1024), new RecordingDebugOutput());
    }

    private sealed class CountingOutput : IDebugOutput
    {
        public int Count { get; private set; }

        public void Write(ReadOnlySpan<byte> line) => Count++;
    }

    /// <summary>A listener socket that only reports a descriptor number.</summary>
    private sealed class FixedFdListener(int fd) : HaproxyNet.Core.Ports.IListenerSocket
    {
        public HaproxyNet.Core.Ports.IIoHandler? Handler { get; set; }

        public IPEndPoint LocalEndPoint => EngineHarness.Ep(10001);

        public int Fd => fd;

        public HaproxyNet.Core.Ports.IConnection? TryAccept(out HaproxyNet.Core.Ports.IoStatus status, out int errno)
        {
            status = HaproxyNet.Core.Ports.IoStatus.WouldBlock;
            errno = 0;
            return null;
        }

        public void SetInterest(bool read)
        {
        }

        public bool Pause() => true;

        public bool Resume() => true;

        public void Close()
        {
        }
    }
}

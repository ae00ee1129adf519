using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>An exception while running one session ends that session only (ProcessSession.Abort).</summary>
public class ProcessSessionFaultTests
{
    [Fact]
    public void Run_AnalyserThrowsForOneSession_ThatSessionClosedAsInternalErrorOthersServed()
    {
        var h = Build("tcp-request inspect-delay 1s\ntcp-request content accept");
        var messages = new RecordingDiagnosticSink(string.Empty);
        h.Loop.Messages = messages;
        h.Loop.RequestAnalysers[0] = new ThrowingFor(0, h.Loop.RequestAnalysers[0]!);
        var faulty = h.AddClient(Fe, 0, [Send("a"), new SimClientAction.Recv(1)]);
        var healthy = h.AddClient(Fe, 100, [Send("hello"), new SimClientAction.Recv(5)]);
        h.Start();

        h.RunUntilMs(2000);

        Assert.Equal(1, h.Loop.InternalErrors);
        Assert.Equal(0, faulty.BytesReceived);
        Assert.Equal(5, healthy.BytesReceived);
        var lines = SessionLines(h);
        Assert.Equal(2, lines.Count);
        Assert.Contains(" 0 IR ", lines[0], StringComparison.Ordinal); // SN_ERR_INTERNAL, still in the request phase
        Assert.Contains(" -- ", lines[1], StringComparison.Ordinal);
        Assert.Contains("HaproxyNet internal error in session 00000000 of proxy fe, session closed: System.InvalidOperationException: injected", messages.Text, StringComparison.Ordinal);
        Assert.Equal(0, h.Loop.ActConn);
        Assert.Equal(0, Frontend(h).FeConn);
        Assert.Equal(0, h.Network.OpenEngineSockets);
    }

    [Fact]
    public void OnReadable_ReceiveThrows_SessionAbortedAsInternalErrorLoopGoesOn()
    {
        var h = Build(string.Empty);
        var messages = new RecordingDiagnosticSink(string.Empty);
        h.Loop.Messages = messages;
        var faulty = h.AddClient(Fe, 0, [new SimClientAction.Sleep(100), Send("a"), new SimClientAction.Recv(1)]);
        var healthy = h.AddClient(Fe, 300, [Send("hello"), new SimClientAction.Recv(5)]);
        h.Start();
        h.RunUntilMs(50);
        faulty.Socket!.Peer!.ThrowOnReceive = new InvalidOperationException("recv injected");

        h.RunUntilMs(2000);

        Assert.Equal(1, h.Loop.InternalErrors);
        Assert.Equal(0, faulty.BytesReceived);
        Assert.Equal(5, healthy.BytesReceived);
        var lines = SessionLines(h);
        Assert.Equal(2, lines.Count);
        Assert.Contains(" 0 ID ", lines[0], StringComparison.Ordinal); // internal error while the data phase ran
        Assert.Contains("System.InvalidOperationException: recv injected", messages.Text, StringComparison.Ordinal);
        Assert.Equal(0, h.Loop.ActConn);
        Assert.Equal(0, h.Network.OpenEngineSockets);
    }

    /// <summary>Throws for the session with id <paramref name="id"/>, delegates for the others.</summary>
    private sealed class ThrowingFor(long id, IAnalyser inner) : IAnalyser
    {
        public bool Analyse(Session session, Channel channel, int anBit) =>
            session.UniqId == id ? throw new InvalidOperationException("injected") : inner.Analyse(session, channel, anBit);
    }
}

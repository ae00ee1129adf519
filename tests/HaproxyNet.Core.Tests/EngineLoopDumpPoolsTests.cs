using HaproxyNet.Core.Buffers;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests;

/// <summary>SIGQUIT's pool dump: 1.4's format, with the channel buffers the engine holds.</summary>
public class EngineLoopDumpPoolsTests
{
    [Fact]
    public void PoolDumpText_ThreeBuffersHeld_HeaderPoolLineTotal()
    {
        var usage = new BufferUsage();
        usage.Take(16384);
        usage.Take(16384);
        usage.Take(16384);

        Assert.Equal(
            "Dumping pools usage.\n  - Pool buffer (16384 bytes) : 3 allocated (49152 bytes), 3 used, 1 users\nTotal: 1 pools, 49152 bytes allocated, 49152 used.\n",
            EngineLoop.PoolDumpText(usage, 16384));
    }

    [Fact]
    public void PoolDumpText_TwoHeldOneGivenBack_AllocatedCountsTheFreeOne()
    {
        var usage = new BufferUsage();
        usage.Take(16384);
        usage.Take(16384);
        usage.Give(usage.Take(16384));

        Assert.Equal(
            "Dumping pools usage.\n  - Pool buffer (16384 bytes) : 3 allocated (49152 bytes), 2 used, 1 users\nTotal: 1 pools, 49152 bytes allocated, 32768 used.\n",
            EngineLoop.PoolDumpText(usage, 16384));
    }

    [Fact]
    public void Take_AfterGive_ReusesTheSameBuffer()
    {
        var usage = new BufferUsage();
        var a = usage.Take(1024);
        usage.Give(a);

        Assert.Same(a, usage.Take(1024));
        Assert.Equal(1, usage.Held);
        Assert.Equal(0, usage.Free);
    }

    [Fact]
    public void Buffers_SessionsHoldingDataThenDone_CountedWhileHeldZeroAfter()
    {
        // The server refuses: the client's bytes wait in the request buffer through the retries, then the session ends.
        var h = Build("retries 3", kind: SimServerKind.Refuse);
        h.AddClient(Fe, 0, [Send("hello"), new SimClientAction.HoldUntil(10000)], SimCloseMode.Close);
        h.Start();

        h.RunUntilMs(500);
        var held = h.Loop.Buffers.Held;
        h.RunUntilMs(8000);

        Assert.InRange(held, 1, 2);
        Assert.Equal(0, h.Loop.Buffers.Held);
        Assert.True(h.Loop.Buffers.Peak >= held);
        Assert.True(h.Loop.Buffers.Free >= held); // kept for the next session until SIGQUIT
    }

    [Fact]
    public void DumpPools_OutputSet_OneWriteOfTheDump()
    {
        var h = Build(string.Empty);
        var output = new RecordingDebugOutput();
        h.Loop.PoolDumpOutput = output;

        h.Loop.DumpPools();

        Assert.Equal(EngineLoop.PoolDumpText(h.Loop.Buffers, h.Loop.Global.BufSize), Assert.Single(output.Lines));
    }

    [Fact]
    public void DumpPools_FreeBuffers_DumpedAsAllocatedThenDropped()
    {
        var h = Build(string.Empty);
        var output = new RecordingDebugOutput();
        h.Loop.PoolDumpOutput = output;
        h.Loop.Buffers.Give(h.Loop.Buffers.Take(h.Loop.Global.BufSize));

        h.Loop.DumpPools();

        Assert.Contains(" : 1 allocated (", Assert.Single(output.Lines), StringComparison.Ordinal);
        Assert.Equal(0, h.Loop.Buffers.Free);
        Assert.Equal(0, h.Loop.Buffers.Allocated);
    }
}

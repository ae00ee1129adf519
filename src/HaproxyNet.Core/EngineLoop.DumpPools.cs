using System.Globalization;
using System.Text;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Diagnostics;

namespace HaproxyNet.Core;

/// <summary>SIGQUIT: the pool dump of 1.4's <c>dump_pools</c>, then free buffers given back (<c>pool_gc2</c>).</summary>
public sealed partial class EngineLoop
{
    /// <summary>This engine's channel buffer pool (the only pool it has).</summary>
    public BufferUsage Buffers { get; } = new();

    /// <summary>Where the SIGQUIT dump goes (stderr, raw, no prefix); null = nowhere (quiet mode).</summary>
    public IDebugOutput? PoolDumpOutput { get; set; }

    /// <summary>
    /// Writes 1.4's three-part dump (header, one line per pool, total) for the channel buffer pool, then drops the
    /// pool's free buffers and runs a compacting collection so they and the heap go back to the system.
    /// </summary>
    public void DumpPools()
    {
        if (PoolDumpOutput is { } output)
        {
            output.Write(Encoding.ASCII.GetBytes(PoolDumpText(Buffers, Global.BufSize)));
        }

        Buffers.ReleaseFree();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The dump text for <paramref name="buffers"/> of <paramref name="size"/> bytes each.</summary>
    public static string PoolDumpText(BufferUsage buffers, int size)
    {
        var bytes = (long)buffers.Allocated * size;
        var used = (long)buffers.Held * size;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Dumping pools usage.\n  - Pool buffer ({size} bytes) : {buffers.Allocated} allocated ({bytes} bytes), {buffers.Held} used, 1 users\nTotal: 1 pools, {bytes} bytes allocated, {used} used.\n");
    }
}

using System.Runtime;

namespace HaproxyNet.Host.Startup;

/// <summary>
/// No garbage collection while the configuration is read: nearly everything the reader allocates (the model, its
/// strings) lives on, so a collection there only copies it. Profile of the native <c>-c</c> on 5,000 servers
/// (docs/perf/2026-12-07-startup.md): 10-12 % of its CPU went to gen0 collections promoting the model.
/// </summary>
/// <remarks>
/// The budget is address space, not memory: the pages are touched only as the reader allocates. A configuration
/// that allocates more simply gets its collections back (the runtime ends the region itself).
/// </remarks>
internal static class ConfigLoadGc
{
    /// <summary>Allocation budget of the region: several times what 10,000 servers need.</summary>
    public const long Budget = 192L * 1024 * 1024;

    /// <summary>Starts the region; false when the runtime refused it (the load then runs as before).</summary>
    public static bool Begin()
    {
        try
        {
            return GC.TryStartNoGCRegion(Budget, disallowFullBlockingGC: true);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // larger than this runtime's ephemeral space
        }
        catch (InvalidOperationException)
        {
            return false; // already in a region
        }
    }

    /// <summary>Ends the region started by <see cref="Begin"/> if it is still in force.</summary>
    public static void End(bool started)
    {
        if (!started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // the budget was exceeded and a collection already ended it
        }
    }
}

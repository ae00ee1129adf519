using System.Runtime.InteropServices;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Host.Runtime;

/// <summary>maxsock, the descriptor limit and the memory limit of 1.4's <c>init()</c>/<c>main()</c> (CLI.md §1, §3).</summary>
/// <remarks>
/// A .NET process holds descriptors 1.4 never had (assemblies, the runtime's own pipes and epoll): they are
/// counted once at start-up (<see cref="RuntimeDescriptors"/>) and added to the limit applied, so a configured
/// <c>ulimit-n</c> still leaves the proxy the sockets it asked for. Messages show 1.4's own numbers.
/// </remarks>
internal static partial class ProcessLimits
{
    private const int RlimitNofile = 7;

    /// <summary>Descriptors the runtime may still open after start-up (lazily loaded assemblies, log files).</summary>
    private const int RuntimeReserve = IO.DescriptorBudget.RuntimeReserve;

    /// <summary>10 + listeners + checked servers + stats socket + 2·maxconn + 2·maxpipes.</summary>
    /// <remarks>maxpipes defaults to a quarter of the splicing connections (0 without splice options).</remarks>
    public static int MaxSock(ConfigDocument doc, int maxConn)
    {
        var socks = 10L;
        foreach (var p in doc.Proxies)
        {
            socks += p.Listeners.Count;
            foreach (var s in p.Servers)
            {
                if (s.Check)
                {
                    socks++;
                }
            }
        }

        if (doc.Global.StatsSocket is not null)
        {
            socks++;
        }

        var maxPipes = doc.Global.MaxPipes != 0 ? doc.Global.MaxPipes : Core.Proxies.RuntimeBuilder.DefaultMaxPipes(doc, maxConn);
        socks += 2L * maxConn + 2L * maxPipes;
        return (int)Math.Min(int.MaxValue, socks);
    }

    /// <summary>Descriptors open in this process now, plus <see cref="RuntimeReserve"/>.</summary>
    public static int RuntimeDescriptors() => RuntimeLibc.OpenDescriptors().Count + RuntimeReserve;

    /// <summary>setrlimit(RLIMIT_NOFILE, cur = max = <paramref name="limit"/>); false when refused.</summary>
    public static bool TrySetFdLimit(long limit)
    {
        var r = new RLimit { Current = (ulong)limit, Maximum = (ulong)limit };
        return SetRLimit(RlimitNofile, in r) == 0;
    }

    /// <summary>The current soft RLIMIT_NOFILE (0 if unknown, as 1.4 pre-sets it).</summary>
    public static long CurrentFdLimit()
    {
        var r = default(RLimit);
        return GetRLimit(RlimitNofile, out r) == 0 ? (long)Math.Min(r.Current, long.MaxValue) : 0;
    }

    /// <summary>
    /// <c>-m</c>: caps the managed heap at megs·1 MiB / nbproc, the share 1.4 gives RLIMIT_AS (an address-space
    /// limit would stop the runtime itself, which reserves far more address space than it uses).
    /// </summary>
    /// <returns>false when the runtime refuses (the limit is below what is already committed).</returns>
    public static bool TrySetMemoryLimit(int megabytes, int nbproc)
    {
        var bytes = (ulong)megabytes * 1048576UL / (ulong)Math.Max(1, nbproc);
        try
        {
            AppContext.SetData("GCHeapHardLimit", bytes);
            GC.RefreshMemoryLimit();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRLimit(int resource, in RLimit limit);

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}

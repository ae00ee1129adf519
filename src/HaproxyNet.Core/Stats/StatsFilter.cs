namespace HaproxyNet.Core.Stats;

/// <summary>What a <c>show stat</c> dump covers: every row, or <c>show stat &lt;iid&gt; &lt;type&gt; &lt;sid&gt;</c>.</summary>
/// <param name="Iid">Proxy id, -1 = any.</param>
/// <param name="Types">Row types as 1.4's bit mask: 1 frontend, 2 backend, 4 servers, 8 listeners; -1 = all.</param>
/// <param name="Sid">Server or listener id, -1 = any.</param>
public readonly record struct StatsFilter(int Iid, int Types, int Sid)
{
    /// <summary>Every row of every proxy.</summary>
    public static StatsFilter All => new(-1, -1, -1);

    public const int Frontend = 1;

    public const int Backend = 2;

    public const int Servers = 4;

    public const int Listeners = 8;

    /// <summary>True when rows of <paramref name="type"/> are wanted.</summary>
    public bool Wants(int type) => (Types & type) != 0;
}

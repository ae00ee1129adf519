using System.Text;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>How <c>appsession</c> looks for the session id in the URI (<c>mode</c>).</summary>
public enum AppSessionMode
{
    /// <summary><c>path-parameters</c> (default): <c>;name=value</c> parameters before <c>?</c>.</summary>
    PathParameters,

    /// <summary><c>query-string</c>: <c>&amp;</c>-separated parameters after <c>?</c>.</summary>
    QueryString,
}

/// <summary>
/// One backend's <c>appsession</c> settings and its table session id → server name (1.4.25's <c>htbl_proxy</c>,
/// <c>appsess</c>). Entries are only removed by <see cref="AppSessionRefresh"/>, every 5 s, as 1.4 does: a lookup
/// does not check the expiry.
/// </summary>
public sealed class AppSessionTable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates the table for <c>appsession NAME len LEN timeout T [options]</c>.</summary>
    public AppSessionTable(string name, int length, int timeoutMs, bool requestLearn, bool prefix, AppSessionMode mode)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = Encoding.Latin1.GetBytes(name);
        Length = length;
        TimeoutMs = timeoutMs;
        RequestLearn = requestLearn;
        Prefix = prefix;
        Mode = mode;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The cookie (and URI parameter) name.</summary>
    public byte[] Name { get; }

    /// <summary><c>len</c>: bytes of the id kept.</summary>
    public int Length { get; }

    /// <summary><c>timeout</c> in milliseconds (0 = entries never expire).</summary>
    public int TimeoutMs { get; }

    /// <summary><c>request-learn</c>: ids seen in requests are learnt too.</summary>
    public bool RequestLearn { get; }

    /// <summary><c>prefix</c>: the name is a prefix, the id follows it (e.g. ASPSESSIONIDXXXX=...).</summary>
    public bool Prefix { get; }

    /// <summary><c>mode</c>.</summary>
    public AppSessionMode Mode { get; }

    /// <summary>Entries held.</summary>
    public int Count => _entries.Count;

    /// <summary>appsession_hash_lookup: the server name stored for <paramref name="id"/>; renews its expiry.</summary>
    public string? Lookup(ReadOnlySpan<byte> id, int nowMs, bool countRequest)
    {
        Span<char> key = stackalloc char[id.Length];
        Encoding.Latin1.GetChars(id, key);
        if (!_lookup.TryGetValue(key, out var e))
        {
            return null;
        }

        e.Expire = Ticks.AddIfSet(nowMs, TimeoutMs);
        if (countRequest)
        {
            e.RequestCount++;
        }

        return e.ServerName;
    }

    /// <summary>The end of manage_server_side_cookies: creates the entry for <paramref name="id"/> if absent, renews it.</summary>
    public void Learn(ReadOnlySpan<byte> id, Server server, int nowMs)
    {
        ArgumentNullException.ThrowIfNull(server);
        Span<char> key = stackalloc char[id.Length];
        Encoding.Latin1.GetChars(id, key);
        if (!_lookup.TryGetValue(key, out var e))
        {
            e = new Entry { ServerName = server.Name };
            _entries.Add(new string(key), e);
        }

        e.Expire = Ticks.AddIfSet(nowMs, TimeoutMs);
        e.RequestCount++;
    }

    /// <summary>appsession_refresh for this table: drops the expired entries; returns how many.</summary>
    public int RemoveExpired(int nowMs)
    {
        List<string>? gone = null;
        foreach (var (key, e) in _entries)
        {
            if (Ticks.IsExpired(e.Expire, nowMs))
            {
                (gone ??= []).Add(key);
            }
        }

        if (gone is null)
        {
            return 0;
        }

        foreach (var key in gone)
        {
            _entries.Remove(key);
        }

        return gone.Count;
    }

    private sealed class Entry
    {
        public required string ServerName { get; init; }

        public int Expire { get; set; }

        public int RequestCount { get; set; }
    }
}

/// <summary>
/// 1.4.25's <c>appsession_refresh</c> task: every 5 s (TBLCHKINT) from start, every appsession table drops its
/// expired entries.
/// </summary>
public sealed class AppSessionRefresh : EngineTask
{
    /// <summary>TBLCHKINT: the refresh period.</summary>
    public const int IntervalMs = 5000;

    private readonly EngineLoop _loop;

    private AppSessionRefresh(EngineLoop loop) => _loop = loop;

    /// <summary>appsession_task_init: queues the task when some proxy has an appsession table.</summary>
    public static AppSessionRefresh? Start(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        foreach (var p in loop.Proxies)
        {
            if (p.AppSession is not null)
            {
                var t = new AppSessionRefresh(loop);
                loop.Scheduler.Schedule(t, Ticks.Add(loop.Clock.NowMs, IntervalMs));
                return t;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override bool Process()
    {
        var now = _loop.Clock.NowMs;
        foreach (var p in _loop.Proxies)
        {
            p.AppSession?.RemoveExpired(now);
        }

        Expire = Ticks.Add(now, IntervalMs);
        return true;
    }
}

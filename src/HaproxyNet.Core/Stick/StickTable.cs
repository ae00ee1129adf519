using System.Text;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Stick;

/// <summary>The key type of a stick table.</summary>
public enum StickKeyType
{
    /// <summary><c>type ip</c>: an IPv4 address.</summary>
    Ip,

    /// <summary><c>type integer</c>: a 32-bit integer.</summary>
    Integer,

    /// <summary><c>type string [len n]</c>: a string of at most n bytes.</summary>
    String,
}

/// <summary>
/// A backend's <c>stick-table</c> as 1.4.25 has it (stick_table.c): key → server id (puid), each entry expiring
/// <c>expire</c> after its last use (never without <c>expire</c>). A full table purges <c>size / 256</c> of its oldest
/// entries to make room (so a table under 256 entries never purges), or refuses new keys with <c>nopurge</c>.
/// </summary>
/// <remarks>Expired entries are dropped when met (1.4 drops them from a timer task at the same tick). String keys are
/// stored but never matched, as in 1.4.25 (see <see cref="Lookup"/>).</remarks>
public sealed class StickTable
{
    private readonly Dictionary<uint, Entry> _numbers = [];
    private readonly Dictionary<string, Entry> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;

    /// <summary>Creates an empty table.</summary>
    public StickTable(StickKeyType type, int keyLength, int size, int expireMs, bool noPurge)
    {
        Type = type;
        KeyLength = keyLength;
        Size = size;
        ExpireMs = expireMs;
        NoPurge = noPurge;
        _stringLookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public StickKeyType Type { get; }

    /// <summary>Bytes kept of a string key.</summary>
    public int KeyLength { get; }

    public int Size { get; }

    /// <summary><c>expire</c> in ms, 0 = entries never expire.</summary>
    public int ExpireMs { get; }

    public bool NoPurge { get; }

    /// <summary>Entries held.</summary>
    public int Count => Type == StickKeyType.String ? _strings.Count : _numbers.Count;

    /// <summary>stktable_lookup_key + stktable_touch: the server id stored for the key, or -1; a hit is renewed.</summary>
    public int Lookup(in StickKey key, int nowMs)
    {
        if (Type == StickKeyType.String)
        {
            // 1.4.25 inserts string keys as memory blocks (ebmb) but looks them up as strings (ebst): a stored
            // string key is never found again (golden persist-stick: "stick on hdr()" into a string table never
            // sticks, while the same header into an integer table does).
            return -1;
        }

        var e = Find(key, nowMs);
        if (e is null)
        {
            return -1;
        }

        Touch(e, nowMs);
        return e.ServerId;
    }

    /// <summary>stksess_new + stktable_store: records <paramref name="serverId"/> for the key (renewing it); false when full.</summary>
    public bool Store(in StickKey key, int serverId, int nowMs)
    {
        var e = Find(key, nowMs);
        if (e is null)
        {
            if (Count >= Size && (NoPurge || !TrashOldest(Size >> 8)))
            {
                return false;
            }

            e = new Entry();
            if (Type == StickKeyType.String)
            {
                _strings.Add(key.Text, e);
            }
            else
            {
                _numbers.Add(key.Number, e);
            }
        }

        e.ServerId = serverId;
        Touch(e, nowMs);
        return true;
    }

    private Entry? Find(in StickKey key, int nowMs)
    {
        Entry? e;
        if (Type == StickKeyType.String)
        {
            if (!_stringLookup.TryGetValue(key.Text, out e))
            {
                return null;
            }

            if (Ticks.IsExpired(e.Expire, nowMs))
            {
                _strings.Remove(key.Text);
                return null;
            }

            return e;
        }

        if (!_numbers.TryGetValue(key.Number, out e))
        {
            return null;
        }

        if (Ticks.IsExpired(e.Expire, nowMs))
        {
            _numbers.Remove(key.Number);
            return null;
        }

        return e;
    }

    private void Touch(Entry e, int nowMs) => e.Expire = ExpireMs == 0 ? Ticks.Eternity : Ticks.Add(nowMs, ExpireMs);

    /// <summary>stktable_trash_oldest: removes up to <paramref name="max"/> entries, those expiring first.</summary>
    private bool TrashOldest(int max)
    {
        if (max <= 0)
        {
            return false;
        }

        var removed = 0;
        while (removed < max && Count > 0)
        {
            if (Type == StickKeyType.String)
            {
                string? oldest = null;
                var exp = 0;
                foreach (var (k, e) in _strings)
                {
                    if (oldest is null || Ticks.IsLt(e.Expire, exp))
                    {
                        oldest = k;
                        exp = e.Expire;
                    }
                }

                _strings.Remove(oldest!);
            }
            else
            {
                uint oldest = 0;
                var exp = 0;
                var found = false;
                foreach (var (k, e) in _numbers)
                {
                    if (!found || Ticks.IsLt(e.Expire, exp))
                    {
                        oldest = k;
                        exp = e.Expire;
                        found = true;
                    }
                }

                _numbers.Remove(oldest);
            }

            removed++;
        }

        return removed > 0;
    }

    private sealed class Entry
    {
        public int ServerId { get; set; }

        public int Expire { get; set; }
    }
}

/// <summary>A key converted to its table's type: a number (ip in host order, integer) or a string.</summary>
public readonly struct StickKey
{
    private StickKey(uint number, string text)
    {
        Number = number;
        Text = text;
    }

    public uint Number { get; }

    public string Text { get; }

    public static StickKey FromNumber(uint n) => new(n, string.Empty);

    /// <summary>A string key, truncated to <paramref name="maxLength"/> bytes.</summary>
    public static StickKey FromString(ReadOnlySpan<byte> text, int maxLength) =>
        new(0, Encoding.Latin1.GetString(text.Length > maxLength ? text[..maxLength] : text));
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Stick;

/// <summary>
/// AN_REQ_STICKING_RULES (1.4.25's <c>process_sticking_rules</c>) and the store step run once the server connection
/// is established (<c>process_store_rules</c>): match rules send the session to the server found for their key (if
/// running, or with persist/force-persist), store rules remember the key (at most 8 per session, one per table) and
/// record the server that finally served it.
/// </summary>
public sealed class StickingRules : IAnalyser
{
    public static readonly StickingRules Instance = new();

    private StickingRules()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var s = session;
        var px = s.Be;
        var now = s.Loop.Clock.NowMs;
        var store = s.StickStores;
        foreach (var rule in px.StickRules)
        {
            var already = false;
            for (var i = 0; i < s.StickStoreCount; i++)
            {
                already |= store[i].Table == rule.Table;
            }

            if (already)
            {
                continue;
            }

            if (rule.Condition is { } cond)
            {
                var evaluator = new Acl.SessionAclEvaluator(s, partial: false);
                var ret = cond.Execute(ref evaluator);
                if ((ret == AclMatchResult.Pass) == (cond.Polarity == AclConditionPolarity.Unless))
                {
                    continue;
                }
            }

            if (!TryFetchKey(s, rule, out var key))
            {
                continue;
            }

            if (rule.Match)
            {
                var sid = rule.Table.Lookup(key, now);
                if (sid >= 0 && !s.Has(SessionFlags.Assigned))
                {
                    foreach (var srv in px.Servers)
                    {
                        if (srv.Puid != sid)
                        {
                            continue;
                        }

                        if ((srv.State & ServerState.Running) != 0 || px.Has(ProxyOptions.Persist) || s.Has(SessionFlags.ForcePrst))
                        {
                            s.Flags |= SessionFlags.Direct | SessionFlags.Assigned;
                            s.Srv = srv;
                        }

                        break;
                    }
                }
            }

            if (rule.Store && s.StickStoreCount < store.Length)
            {
                store[s.StickStoreCount++] = (rule.Table, key);
            }
        }

        channel.Analysers &= ~anBit;
        channel.AnalyseExp = Ticks.Eternity;
        return true;
    }

    /// <summary>process_store_rules: the keys kept by store rules get the session's server.</summary>
    public static void StoreAtEstablish(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.StickStoreCount == 0)
        {
            return;
        }

        if (s.Srv is { } srv)
        {
            for (var i = 0; i < s.StickStoreCount; i++)
            {
                var (table, key) = s.StickStores[i];
                table!.Store(key, srv.Puid, s.Loop.Clock.NowMs);
            }
        }

        Array.Clear(s.StickStores);
        s.StickStoreCount = 0;
    }

    /// <summary>stktable_fetch_key: the rule's pattern converted to the table's key type; false when absent.</summary>
    private static bool TryFetchKey(Session s, StickRule rule, out StickKey key)
    {
        key = default;
        var table = rule.Table;
        switch (rule.Fetch)
        {
            case StickFetch.Src:
            case StickFetch.Dst:
                var ep = rule.Fetch == StickFetch.Src ? s.ClientAddress : s.FrontAddress;
                if (ep.AddressFamily != AddressFamily.InterNetwork)
                {
                    return false;
                }

                Span<byte> b = stackalloc byte[4];
                ep.Address.TryWriteBytes(b, out _);
                var ip = BinaryPrimitives.ReadUInt32BigEndian(b);
                if (table.Type == StickKeyType.String)
                {
                    Span<byte> text = stackalloc byte[16];
                    var n = FormatIp(ip, text);
                    key = StickKey.FromString(text[..n], table.KeyLength);
                }
                else
                {
                    key = StickKey.FromNumber(ip);
                }

                return true;

            case StickFetch.DstPort:
                var port = (uint)s.FrontAddress.Port;
                if (table.Type == StickKeyType.String)
                {
                    Span<byte> text = stackalloc byte[10];
                    port.TryFormat(text, out var w);
                    key = StickKey.FromString(text[..w], table.KeyLength);
                }
                else
                {
                    key = StickKey.FromNumber(port);
                }

                return true;

            default:
                return TryFetchHeader(s, rule, out key);
        }
    }

    private static bool TryFetchHeader(Session s, StickRule rule, out StickKey key)
    {
        key = default;
        if (s.Txn is not { } txn || rule.HeaderName is not { } name || txn.Req.State < Http.Parsing.HttpMsgState.Body)
        {
            return false;
        }

        txn.Rebase(s.Req, isRequest: true);
        var data = s.Req.GetReadSpan();
        var ctx = default(Http.HdrCtx);
        if (!Http.HttpHeaderOps.Find(data, txn.Req, txn.ReqIdx, name, ref ctx))
        {
            return false;
        }

        var value = data.Slice(ctx.Val, ctx.VLen);
        var table = rule.Table;
        if (table.Type == StickKeyType.String)
        {
            key = StickKey.FromString(value, table.KeyLength);
            return true;
        }

        if (table.Type == StickKeyType.Ip)
        {
            if (!IPAddress.TryParse(System.Text.Encoding.Latin1.GetString(value), out var addr) || addr.AddressFamily != AddressFamily.InterNetwork)
            {
                return false;
            }

            Span<byte> b = stackalloc byte[4];
            addr.TryWriteBytes(b, out _);
            key = StickKey.FromNumber(BinaryPrimitives.ReadUInt32BigEndian(b));
            return true;
        }

        uint v = 0;
        foreach (var c in value)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                break;
            }

            v = unchecked((v * 10) + (uint)(c - '0'));
        }

        key = StickKey.FromNumber(v);
        return true;
    }

    private static int FormatIp(uint ip, Span<byte> dst)
    {
        var n = 0;
        for (var i = 3; i >= 0; i--)
        {
            ((ip >> (8 * i)) & 0xFF).TryFormat(dst[n..], out var w);
            n += w;
            if (i > 0)
            {
                dst[n++] = (byte)'.';
            }
        }

        return n;
    }
}

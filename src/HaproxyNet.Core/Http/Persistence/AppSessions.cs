using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Persistence;

/// <summary>
/// 1.4.25's appsession steps (HTTP-MODE §8.3): <c>manage_client_side_appsession</c>, the cookie checks of both
/// cookie managers, and <c>get_srv_from_appsession</c> (the id in the URI).
/// </summary>
public static class AppSessions
{
    /// <summary>A request cookie pair: when its name is the appsession name (or starts with it, <c>prefix</c>), look the id up.</summary>
    public static void CheckRequestCookie(Session s, AppSessionTable app, ReadOnlySpan<byte> data, int attBeg, int attEnd, int valBeg, int valEnd)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(app);
        int cmpLen, valueBegin, valueLen;
        if (app.Prefix)
        {
            cmpLen = Math.Min(valEnd - attBeg, app.Name.Length);
            valueBegin = attBeg + app.Name.Length;
            valueLen = valEnd - attBeg - app.Name.Length;
        }
        else
        {
            cmpLen = attEnd - attBeg;
            valueBegin = valBeg;
            valueLen = valEnd - valBeg;
        }

        // 1.4 compares cmp_len bytes only (memcmp): a shorter cookie name that is a prefix of the setting matches.
        if (cmpLen <= app.Name.Length && data.Slice(attBeg, cmpLen).SequenceEqual(app.Name.AsSpan(0, cmpLen)) && valueLen >= 0)
        {
            ManageClientSide(s, app, data.Slice(valueBegin, valueLen));
        }
    }

    /// <summary>A response Set-Cookie pair: the appsession id is kept in the transaction for learning.</summary>
    public static void CheckResponseCookie(HttpTxn txn, AppSessionTable app, ReadOnlySpan<byte> data, int attBeg, int attEnd, int valBeg, int valEnd)
    {
        ArgumentNullException.ThrowIfNull(txn);
        ArgumentNullException.ThrowIfNull(app);
        int cmpLen, valueBegin, valueLen;
        if (app.Prefix)
        {
            cmpLen = Math.Min(valEnd - attBeg, app.Name.Length);
            valueBegin = attBeg + app.Name.Length;
            valueLen = Math.Min(app.Length, valEnd - attBeg - app.Name.Length);
        }
        else
        {
            cmpLen = attEnd - attBeg;
            valueBegin = valBeg;
            valueLen = Math.Min(app.Length, valEnd - valBeg);
        }

        if (cmpLen == app.Name.Length && data.Slice(attBeg, cmpLen).SequenceEqual(app.Name) && valueLen >= 0)
        {
            txn.SetSessId(data.Slice(valueBegin, valueLen));
        }
    }

    /// <summary>
    /// get_srv_from_appsession: for GET, POST and HEAD, the id from the URI's parameters (path-parameters: the
    /// <c>;</c> ones before <c>?</c>; query-string: the <c>&amp;</c> ones after it), the last one first.
    /// </summary>
    public static void FromUri(Session s, AppSessionTable app, ReadOnlySpan<byte> uri)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(app);
        var meth = s.Txn!.Meth;
        if (meth is not (Parsing.HttpMeth.Get or Parsing.HttpMeth.Post or Parsing.HttpMeth.Head))
        {
            return;
        }

        int first, end;
        byte separator;
        if (app.Mode == AppSessionMode.PathParameters)
        {
            first = uri.IndexOf((byte)';');
            if (first < 0)
            {
                return;
            }

            var q = uri[first..].IndexOf((byte)'?');
            end = q < 0 ? uri.Length : first + q;
            separator = (byte)';';
        }
        else
        {
            first = uri.IndexOf((byte)'?');
            if (first < 0)
            {
                return;
            }

            end = uri.Length;
            separator = (byte)'&';
        }

        var nameLen = app.Name.Length;
        var cur = end;
        var next = end;
        while (cur > first)
        {
            cur--;
            if (uri[cur] == separator || cur == first)
            {
                if (cur + nameLen + 1 < next
                    && (app.Prefix || uri[cur + nameLen + 1] == (byte)'=')
                    && HttpHeaderOps.EqualsIgnoreCase(uri.Slice(cur + 1, nameLen), app.Name))
                {
                    var v = cur + nameLen + (app.Prefix ? 1 : 2);
                    var len = Math.Min(app.Length, next - v);
                    if (len > 0)
                    {
                        ManageClientSide(s, app, uri.Slice(v, len));
                    }

                    break;
                }

                next = cur;
            }
        }
    }

    /// <summary>manage_client_side_appsession: a known id sends the session to its server when usable.</summary>
    private static void ManageClientSide(Session s, AppSessionTable app, ReadOnlySpan<byte> id)
    {
        var txn = s.Txn!;
        if (id.Length > app.Length)
        {
            id = id[..app.Length];
        }

        if (app.RequestLearn)
        {
            txn.SetSessId(id);
        }

        var name = app.Lookup(id, s.Loop.Clock.NowMs, countRequest: !app.RequestLearn);
        if (name is null)
        {
            return;
        }

        foreach (var srv in s.Be.Servers)
        {
            if (srv.Name != name)
            {
                continue;
            }

            var running = (srv.State & ServerState.Running) != 0;
            if (running || s.Be.Has(ProxyOptions.Persist) || s.Has(SessionFlags.ForcePrst))
            {
                txn.CookieState = running ? RequestCookieState.Valid : RequestCookieState.Down;
                s.Flags |= SessionFlags.Direct | SessionFlags.Assigned;
                s.Srv = srv;
                break;
            }

            txn.CookieState = RequestCookieState.Down;
        }
    }
}

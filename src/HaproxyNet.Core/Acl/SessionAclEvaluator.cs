using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Acl;

/// <summary>
/// Fetches an ACL expression's value from a session and matches it, with 1.4's three-state rules for data that
/// may still change (layer 4 and request payload criteria; the HTTP ones are not available here).
/// </summary>
/// <remarks>
/// The per-expression half of HAProxy 1.4 <c>acl_exec_cond</c> (src/acl.c) with the fetch functions of src/acl.c,
/// src/client.c, src/backend.c and src/proto_tcp.c. A fetch that cannot conclude yet reports "may change"; with
/// <see cref="Partial"/> (ACL_PARTIAL: inspect-delay running, no shutdown) a non-passing result then becomes
/// <see cref="AclMatchResult.Miss"/>. A struct used by reference: evaluating allocates nothing.
/// </remarks>
public readonly partial struct SessionAclEvaluator : IAclExpressionEvaluator
{
    private readonly Session _session;

    public SessionAclEvaluator(Session session, bool partial)
    {
        _session = session;
        Partial = partial;
    }

    /// <summary>ACL_PARTIAL: the data may still grow, so "may change" results are undecided.</summary>
    public bool Partial { get; }

    /// <inheritdoc/>
    public AclMatchResult Evaluate(AclDefinition expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var s = _session;
        switch (expression.Criterion.Name)
        {
            case "always_true":
                return AclMatchResult.Pass;
            case "always_false":
                return AclMatchResult.Fail;
            case "wait_end":
                return Partial ? AclMatchResult.Miss : AclMatchResult.Pass;
            case "src":
                return MatchIp(expression, s.ClientAddress);
            case "src_port":
                return AclMatcher.MatchAny(expression, s.ClientAddress.Port);
            case "dst":
                return MatchIp(expression, s.FrontAddress);
            case "dst_port":
                return AclMatcher.MatchAny(expression, s.FrontAddress.Port);
            case "dst_conn":
                return AclMatcher.MatchAny(expression, s.Listener.NbConn);
            case "fe_id":
                return AclMatcher.MatchAny(expression, s.Fe.Uuid);
            case "so_id":
                return AclMatcher.MatchAny(expression, s.Listener.Luid);
            case "be_id":
                return AclMatcher.MatchAny(expression, s.Be.Uuid);
            case "srv_id":
                return s.Srv is { } srv ? AclMatcher.MatchAny(expression, srv.Puid) : AclMatchResult.Fail;
            case "fe_conn":
                return FindFrontend(expression) is { } fe ? AclMatcher.MatchAny(expression, fe.FeConn) : AclMatchResult.Fail;
            case "fe_sess_rate":
                return FindFrontend(expression) is { } fr
                    ? AclMatcher.MatchAny(expression, fr.FeSessPerSec.Read(s.Loop.Clock.NowUs))
                    : AclMatchResult.Fail;
            case "be_conn":
                return FindBackend(expression) is { } be ? AclMatcher.MatchAny(expression, be.BeConn) : AclMatchResult.Fail;
            case "be_sess_rate":
                return FindBackend(expression) is { } br
                    ? AclMatcher.MatchAny(expression, br.BeSessPerSec.Read(s.Loop.Clock.NowUs))
                    : AclMatchResult.Fail;
            case "queue":
                return FindBackend(expression) is { } bq ? AclMatcher.MatchAny(expression, bq.TotPend) : AclMatchResult.Fail;
            case "nbsrv":
                return FindBackend(expression) is { } bn ? AclMatcher.MatchAny(expression, NbSrv(bn)) : AclMatchResult.Fail;
            case "avg_queue":
                return FindBackend(expression) is { } ba ? AclMatcher.MatchAny(expression, AvgQueue(ba)) : AclMatchResult.Fail;
            case "connslots":
                return FindBackend(expression) is { } bc ? AclMatcher.MatchAny(expression, ConnSlots(bc)) : AclMatchResult.Fail;
            case "srv_is_up":
                return FindServer(expression.Argument) is { } su && (su.State & ServerState.Maintain) == 0 && su.IsRunning
                    ? AclMatchResult.Pass
                    : AclMatchResult.Fail;
            case "req_len":
                return MayChange(AclMatcher.MatchAny(expression, s.Req.Length));
            case "req_ssl_ver":
                return FetchReqSslVer(expression);
            case "req_rdp_cookie":
                return FetchRdpCookie(expression, count: false);
            case "req_rdp_cookie_cnt":
                return FetchRdpCookie(expression, count: true);
            default:
                // HTTP criteria (SessionAclEvaluator.Http.cs); others are not ported yet.
                return EvaluateHttp(expression);
        }
    }

    /// <summary>ACL_TEST_F_MAY_CHANGE after a fetch: a result short of Pass is undecided while partial.</summary>
    private AclMatchResult MayChange(AclMatchResult result) =>
        result != AclMatchResult.Pass && Partial ? AclMatchResults.Or(result, AclMatchResult.Miss) : result;

    /// <summary>acl_match_ip: IPv4 only, IPv6 never matches (1.4 checks the family first).</summary>
    private static AclMatchResult MatchIp(AclDefinition expression, IPEndPoint ep)
    {
        if (ep.AddressFamily != AddressFamily.InterNetwork)
        {
            return AclMatchResult.Fail;
        }

        Span<byte> b = stackalloc byte[4];
        return ep.Address.TryWriteBytes(b, out _)
            ? AclMatcher.MatchAnyIpv4(expression, BinaryPrimitives.ReadUInt32BigEndian(b))
            : AclMatchResult.Fail;
    }

    /// <summary>The frontend named in parentheses (frontend-capable proxies only), else the session's frontend.</summary>
    private Proxy? FindFrontend(AclDefinition expression) =>
        string.IsNullOrEmpty(expression.Argument) ? _session.Fe : FindProxy(expression.Argument, frontend: true);

    /// <summary>
    /// The backend named in parentheses (backend-capable proxies only), else the proxy evaluating the rule: for
    /// tcp-request content that is the frontend itself (a pure frontend has no servers).
    /// </summary>
    private Proxy? FindBackend(AclDefinition expression) =>
        string.IsNullOrEmpty(expression.Argument) ? _session.Fe : FindProxy(expression.Argument, frontend: false);

    /// <summary>The server of <c>srv_is_up(srv)</c> (in the rule's proxy) or <c>srv_is_up(backend/srv)</c>.</summary>
    private Server? FindServer(string? argument)
    {
        if (string.IsNullOrEmpty(argument))
        {
            return null;
        }

        var slash = argument.IndexOf('/', StringComparison.Ordinal);
        var px = slash < 0 ? _session.Fe : FindProxy(argument.AsSpan(0, slash), frontend: false);
        var name = slash < 0 ? argument.AsSpan() : argument.AsSpan(slash + 1);
        if (px is null)
        {
            return null;
        }

        foreach (var srv in px.Servers)
        {
            if (name.SequenceEqual(srv.Name))
            {
                return srv;
            }
        }

        return null;
    }

    private Proxy? FindProxy(ReadOnlySpan<char> name, bool frontend)
    {
        var proxies = _session.Loop.Proxies;
        for (var i = 0; i < proxies.Count; i++)
        {
            var p = proxies[i];
            if ((frontend ? p.IsFrontend : p.IsBackend) && name.SequenceEqual(p.Name))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>acl_fetch_avg_queue_size: queued sessions per usable server, rounded up; twice the total with none.</summary>
    private static int AvgQueue(Proxy be)
    {
        var nbsrv = NbSrv(be);
        return nbsrv > 0 ? (be.TotPend + nbsrv - 1) / nbsrv : be.TotPend * 2;
    }

    /// <summary>
    /// acl_fetch_connslots: free connection and queue slots over the UP servers; -1 as soon as one UP server has
    /// no maxconn or no maxqueue (unlimited).
    /// </summary>
    private static int ConnSlots(Proxy be)
    {
        var slots = 0;
        foreach (var srv in be.Servers)
        {
            if (!srv.IsRunning)
            {
                continue;
            }

            if (srv.MaxConn == 0 || srv.MaxQueue == 0)
            {
                return -1;
            }

            slots += srv.MaxConn - srv.CurSess + (srv.MaxQueue - srv.NbPend);
        }

        return slots;
    }

    /// <summary>acl_fetch_nbsrv: usable active servers, else 1 if a backup is in use, else usable backups.</summary>
    private static int NbSrv(Proxy be)
    {
        if (be.Lb is not { } lb)
        {
            return 0;
        }

        return lb.SrvAct != 0 ? lb.SrvAct : lb.FirstBackup is not null ? 1 : lb.SrvBck;
    }
}

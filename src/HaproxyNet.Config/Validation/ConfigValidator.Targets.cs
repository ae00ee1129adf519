using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Builders;

namespace HaproxyNet.Config.Validation;

internal static partial class ConfigValidator
{
    /// <summary>default_backend, reqsetbe and use_backend targets.</summary>
    private static int CheckTargets(ParseState s, ProxyBuilder p)
    {
        var cfgerr = 0;
        if (p.DefaultBackend is { } db)
        {
            var target = FindProxyMode(s, db, p.Mode, ProxyCapabilities.Backend);
            if (target is null)
            {
                s.Diag.Alert($"Proxy '{p.Name}': unable to find required default_backend: '{db}'.\n");
                cfgerr++;
            }
            else if (target == p)
            {
                s.Diag.Alert($"Proxy '{p.Name}': loop detected for default_backend: '{db}'.\n");
                cfgerr++;
            }
        }

        if (p.Mode == ProxyMode.Http)
        {
            foreach (var rule in p.SetBackendRules)
            {
                var target = FindProxyMode(s, rule.Target, ProxyMode.Http, ProxyCapabilities.Backend);
                if (target is null)
                {
                    s.Diag.Alert($"Proxy '{p.Name}': unable to find required setbe: '{rule.Target}'.\n");
                    cfgerr++;
                }
                else if (target == p)
                {
                    s.Diag.Alert($"Proxy '{p.Name}': loop detected for setbe: '{rule.Target}'.\n");
                    cfgerr++;
                }
            }
        }

        foreach (var rule in p.UseBackendRules)
        {
            var target = FindProxyMode(s, rule.Target, p.Mode, ProxyCapabilities.Backend);
            if (target is null)
            {
                s.Diag.Alert($"Proxy '{p.Name}': unable to find required use_backend: '{rule.Target}'.\n");
                cfgerr++;
            }
            else if (target == p)
            {
                s.Diag.Alert($"Proxy '{p.Name}': loop detected for use_backend: '{rule.Target}'.\n");
                cfgerr++;
            }
        }

        return cfgerr;
    }

    /// <remarks>
    /// 1.4.25 converts every pattern type (ip, integer) to every table key type, so the
    /// "type of pattern not usable" alert cannot trigger with its fetches.
    /// </remarks>
    private static int CheckStickRules(ParseState s, ProxyBuilder p)
    {
        var cfgerr = 0;
        foreach (var rule in p.StickRules)
        {
            var target = rule.Table is null ? p : FindProxy(s, rule.Table, ProxyCapabilities.Backend);
            var tableName = rule.Table ?? p.Name;
            var store = rule.IsStoreResponse ? "store table" : "stick-table";
            if (target is null)
            {
                s.Diag.Alert($"Proxy '{p.Name}': unable to find {store} '{rule.Table}'.\n");
                cfgerr++;
            }
            else if (target.StickTableSize == 0)
            {
                s.Diag.Alert($"Proxy '{p.Name}': stick-table '{tableName}' used but not configured.\n");
                cfgerr++;
            }
        }

        return cfgerr;
    }

    /// <summary>minconn/maxconn normalisation, the fullconn-mandatory rule and <c>track</c> resolution.</summary>
    private static int CheckServers(ParseState s, ProxyBuilder p, string who)
    {
        var cfgerr = 0;
        foreach (var srv in p.Servers)
        {
            if (srv.MinConn > srv.MaxConn)
            {
                srv.MaxConn = srv.MinConn;
            }
            else if (srv.MaxConn != 0 && srv.MinConn == 0)
            {
                srv.MinConn = srv.MaxConn;
            }
            else if (srv.MinConn != srv.MaxConn && p.FullConn == 0)
            {
                s.Diag.Alert($"config : {who} : fullconn is mandatory when minconn is set on a server.\n");
                cfgerr++;
            }

            if (srv.Track is { } track)
            {
                cfgerr += CheckTrack(s, p, srv, track, who);
            }
        }

        return cfgerr;
    }

    private static int CheckTrack(ParseState s, ProxyBuilder p, ServerBuilder srv, string track, string who)
    {
        var slash = track.LastIndexOf('/');
        var pname = slash < 0 ? null : track[..slash];
        var sname = slash < 0 ? track : track[(slash + 1)..];
        var px = p;
        if (pname is not null)
        {
            px = FindProxy(s, pname, ProxyCapabilities.Backend);
            if (px is null)
            {
                s.Diag.Alert($"config : {who}, server '{srv.Name}': unable to find required proxy '{pname}' for tracking.\n");
                return 1;
            }
        }

        var target = FindServer(s, px, sname);
        if (target is null)
        {
            s.Diag.Alert($"config : {who}, server '{srv.Name}': unable to find required server '{sname}' for tracking.\n");
            return 1;
        }

        if (!target.Check)
        {
            s.Diag.Alert($"config : {who}, server '{srv.Name}': unable to use {px.Name}/{target.Name} for tracking as it does not have checks enabled.\n");
            return 1;
        }

        if (px != p && p.DisableOn404 != px.DisableOn404)
        {
            s.Diag.Alert($"config : {who}, server '{srv.Name}': unable to use {px.Name}/{target.Name} fortracking: disable-on-404 option inconsistency.\n");
            return 1;
        }

        return 0;
    }
}

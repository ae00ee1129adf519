using System.Globalization;
using System.Net;
using System.Text;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// The HTML statistics page. Same sections, tables, rows and column groups as 1.4.25's page (observed on the
/// reference binary, STATS.md §4.2); the markup is HaproxyNet's own. Beyond 1.4, a server whose
/// <c>srv_dynamic_maxconn</c> limit is below its maxconn while sessions wait gets its Sessions/Limit cell marked
/// (class <c>dynlim</c>, the live limit and a tooltip).
/// </summary>
public static class StatsHtml
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the page served by <paramref name="px"/> for a request whose URI after the prefix is <paramref name="options"/>.</summary>
    public static void Write(StringBuilder o, EngineLoop loop, Proxy px, StatsPageSettings page, string options, bool admin)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(px);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(options);
        var hideDown = options.Contains(";up", StringComparison.Ordinal);
        var noRefresh = options.Contains(";norefresh", StringComparison.Ordinal);
        var node = page.ShowNode is null ? null : page.ShowNode.Length > 0 ? page.ShowNode : loop.Global.Node;
        var desc = page.ShowDesc is null ? null : page.ShowDesc.Length > 0 ? page.ShowDesc : loop.Global.Description;
        Head(o, node);
        Header(o, loop, page, node, desc, hideDown, noRefresh);
        Banner(o, page, options);
        foreach (var p in loop.Proxies)
        {
            if (StatsCsv.IsListed(p) && StatsHttp.InScope(page, p))
            {
                ProxyTables(o, loop, p, page, hideDown, admin);
            }
        }

        o.Append("</body></html>\n");
    }

    private static void Head(StringBuilder o, string? node)
    {
        o.Append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"\n\"http://www.w3.org/TR/html4/loose.dtd\">\n")
            .Append("<html><head><title>Statistics Report for HAProxy");
        if (node is not null)
        {
            o.Append(" on ").Append(Esc(node));
        }

        o.Append("</title>\n<meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-1\">\n")
            .Append("<style type=\"text/css\"><!--\n")
            .Append("body { font-family: sans-serif; font-size: 12px; background: white; color: black; }\n")
            .Append("th, td { font-size: 10px; }\n")
            .Append("h1 { font-size: x-large; margin-bottom: 0.5em; }\n")
            .Append("h2 { font-size: x-large; font-style: italic; color: #6020a0; margin: 0; }\n")
            .Append("h3 { font-size: 16px; color: #b00040; background: #e8e8d0; margin: 0; }\n")
            .Append(".hr { border-color: black; border-bottom-style: solid; }\n")
            .Append(".titre { background: #20D0D0; color: #000000; font-weight: bold; text-align: center; }\n")
            .Append(".frontend, .backend { background: #e8e8d0; }\n.socket { background: #d0d0d0; }\n")
            .Append(".active0, .backup0 { background: #ff9090; }\n.active1 { background: #ffd020; }\n")
            .Append(".active2, .active4 { background: #ffffa0; }\n.active3 { background: #c0ffc0; }\n")
            .Append(".active5 { background: #a0e0a0; }\n.active6, .backup6 { background: #e0e0e0; }\n")
            .Append(".backup1 { background: #ff80ff; }\n.backup2, .backup4 { background: #c060ff; }\n")
            .Append(".backup3 { background: #b0d0ff; }\n.backup5 { background: #90b0e0; }\n")
            .Append(".maintain { background: #c07820; }\n")
            .Append(".dynlim { background: #ff6060; font-weight: bold; }\n")
            .Append(".rls { letter-spacing: 0.2em; margin-right: 1px; }\n")
            .Append("a.px:link, a.px:visited { color: #ffff40; text-decoration: none; }\n")
            .Append("a.lfsb:link, a.lfsb:visited { color: #000000; text-decoration: none; }\n")
            .Append("table.tbl { border-collapse: collapse; border-style: none; }\n")
            .Append("table.tbl td { text-align: right; border: 1px solid gray; padding: 2px 3px; white-space: nowrap; }\n")
            .Append("table.tbl td.ac { text-align: center; }\n")
            .Append("table.tbl th { border: 1px solid gray; }\n")
            .Append("table.tbl th.pxname { background: #b00040; color: #ffff40; font-weight: bold; padding: 2px 3px; white-space: nowrap; }\n")
            .Append("table.tbl th.empty { border-style: none; empty-cells: hide; background: white; }\n")
            .Append("table.tbl th.desc { background: white; text-align: left; padding: 2px 3px; }\n")
            .Append("table.lgd { border-collapse: collapse; border-left: 1px solid black; }\n")
            .Append("table.lgd td { border: 1px solid gray; padding: 2px; }\n")
            .Append("table.lgd td.noborder { border-style: none; white-space: nowrap; }\n")
            .Append("u { text-decoration: none; border-bottom: 1px dotted black; }\n")
            .Append("-->\n</style></head>\n");
    }

    private static void Header(StringBuilder o, EngineLoop loop, StatsPageSettings page, string? node, string? desc, bool hideDown, bool noRefresh)
    {
        var uri = Esc(page.UriText);
        o.Append("<body><h1><a href=\"http://haproxy.1wt.eu/\" style=\"text-decoration: none;\">HAProxy");
        if (!page.HideVersion)
        {
            o.Append(" version ").Append(ShowInfo.Version).Append(", released ").Append(ShowInfo.ReleaseDate);
        }

        o.Append("</a></h1>\n<h2>Statistics Report for pid ").Append(loop.Pid.ToString(Inv));
        if (node is not null)
        {
            o.Append(" on ").Append(Esc(node));
        }

        if (desc is not null)
        {
            o.Append(": ").Append(Esc(desc));
        }

        var up = ShowInfo.UptimeSeconds(loop);
        var uptime = new StringBuilder();
        ShowInfo.AppendUptime(uptime, up);
        o.Append("</h2>\n<hr width=\"100%\" class=\"hr\">\n<h3>&gt; General process information</h3>\n")
            .Append("<table border=0><tr><td align=\"left\" nowrap width=\"1%\">\n")
            .Append("<p><b>pid = </b> ").Append(loop.Pid.ToString(Inv)).Append(" (process #1, nbproc = ")
            .Append(loop.Global.NbProc.ToString(Inv)).Append(")<br>\n")
            .Append("<b>uptime = </b> ").Append(uptime).Append("<br>\n")
            .Append("<b>system limits:</b> memmax = ").Append(loop.MemMaxMb > 0 ? loop.MemMaxMb.ToString(Inv) + " MB" : "unlimited")
            .Append("; ulimit-n = ").Append(loop.UlimitN.ToString(Inv)).Append("<br>\n")
            .Append("<b>maxsock = </b> ").Append(loop.MaxSock.ToString(Inv)).Append("; <b>maxconn = </b> ")
            .Append(loop.Global.MaxConn.ToString(Inv)).Append("; <b>maxpipes = </b> ").Append(loop.Global.MaxPipes.ToString(Inv)).Append("<br>\n")
            .Append("current conns = ").Append(ShowInfo.CurrConns(loop).ToString(Inv)).Append("; current pipes = ")
            .Append(loop.PipesUsed.ToString(Inv)).Append('/').Append(loop.PipesUsed.ToString(Inv)).Append("<br>\n")
            .Append("Running tasks: ").Append(ShowInfo.RunQueue(loop).ToString(Inv)).Append('/').Append(ShowInfo.Tasks(loop).ToString(Inv)).Append("<br>\n")
            .Append("</td><td align=\"center\" nowrap>\n<table class=\"lgd\"><tr>\n")
            .Append("<td class=\"active3\">&nbsp;</td><td class=\"noborder\">active UP </td><td class=\"backup3\">&nbsp;</td><td class=\"noborder\">backup UP </td></tr><tr>\n")
            .Append("<td class=\"active2\"></td><td class=\"noborder\">active UP, going down </td><td class=\"backup2\"></td><td class=\"noborder\">backup UP, going down </td></tr><tr>\n")
            .Append("<td class=\"active1\"></td><td class=\"noborder\">active DOWN, going up </td><td class=\"backup1\"></td><td class=\"noborder\">backup DOWN, going up </td></tr><tr>\n")
            .Append("<td class=\"active0\"></td><td class=\"noborder\">active or backup DOWN &nbsp;</td><td class=\"active6\"></td><td class=\"noborder\">not checked </td></tr><tr>\n")
            .Append("<td class=\"maintain\"></td><td class=\"noborder\" colspan=\"3\">active or backup DOWN for maintenance (MAINT) &nbsp;</td></tr><tr>\n")
            .Append("<td class=\"dynlim\"></td><td class=\"noborder\" colspan=\"3\">dynamic maxconn below maxconn while sessions wait (HaproxyNet) &nbsp;</td></tr></table>\n")
            .Append("Note: UP with load-balancing disabled is reported as \"NOLB\".</td>")
            .Append("<td align=\"left\" valign=\"top\" nowrap width=\"1%\"><b>Display option:</b><ul style=\"margin-top: 0.25em;\">");
        var keep = (hideDown ? ";up" : string.Empty) + (noRefresh ? ";norefresh" : string.Empty);
        o.Append(hideDown
            ? "<li><a href=\"" + uri + (noRefresh ? ";norefresh" : string.Empty) + "\">Show all servers</a><br>\n"
            : "<li><a href=\"" + uri + ";up" + (noRefresh ? ";norefresh" : string.Empty) + "\">Hide 'DOWN' servers</a><br>\n");
        if (page.RefreshSeconds > 0)
        {
            o.Append(noRefresh
                ? "<li><a href=\"" + uri + (hideDown ? ";up" : string.Empty) + "\">Enable refresh</a><br>\n"
                : "<li><a href=\"" + uri + (hideDown ? ";up" : string.Empty) + ";norefresh\">Disable refresh</a><br>\n");
        }

        o.Append("<li><a href=\"").Append(uri).Append(keep).Append("\">Refresh now</a><br>\n")
            .Append("<li><a href=\"").Append(uri).Append(";csv;norefresh\">CSV export</a><br>\n")
            .Append("</ul></td><td align=\"left\" valign=\"top\" nowrap width=\"1%\"><b>External resources:</b><ul style=\"margin-top: 0.25em;\">\n")
            .Append("<li><a href=\"http://haproxy.1wt.eu/\">Primary site</a><br>\n")
            .Append("<li><a href=\"http://haproxy.1wt.eu/#down\">Updates (v1.4)</a><br>\n")
            .Append("<li><a href=\"http://haproxy.1wt.eu/#docs\">Online manual</a><br>\n")
            .Append("</ul></td></tr></table>\n");
    }

    private static void Banner(StringBuilder o, StatsPageSettings page, string options)
    {
        var at = options.IndexOf(";st=", StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }

        var code = options[(at + 4)..];
        var semi = code.IndexOf(';', StringComparison.Ordinal);
        if (semi >= 0)
        {
            code = code[..semi];
        }

        var (cls, text) = code switch
        {
            "DONE" => ("active3", "Action processed successfully."),
            "NONE" => ("active2", "Nothing has changed."),
            "PART" => ("active2", "Action partially processed.<br>Some server names are probably unknown or ambiguous (duplicated names in the backend)."),
            "ERRP" => ("active0", "Action not processed because of invalid parameters.<ul><li>The action is maybe unknown.</li><li>The backend name is probably unknown or ambiguous (duplicated names).</li><li>Some server names are probably unknown or ambiguous (duplicated names in the backend).</li></ul>"),
            "EXCD" => ("active0", "<b>Action not processed : the buffer couldn't store all the data.<br>You should retry with less servers at a time.</b>"),
            "DENY" => ("active0", "Action denied."),
            _ => (string.Empty, string.Empty),
        };
        if (cls.Length == 0)
        {
            return;
        }

        o.Append("<p><div class=").Append(cls).Append("><a class=lfsb href=\"").Append(Esc(page.UriText))
            .Append("\" title=\"Remove this message\">[X]</a> ").Append(text).Append("</div>\n");
    }

    private static void ProxyTables(StringBuilder o, EngineLoop loop, Proxy px, StatsPageSettings page, bool hideDown, bool admin)
    {
        var name = Esc(px.Name);
        var form = admin && px.IsBackend && px.Servers.Count > 0;
        if (form)
        {
            o.Append("<form action=\"").Append(Esc(page.UriText)).Append("\" method=\"post\">");
        }

        o.Append("<table class=\"tbl\" width=\"100%\">\n<tr class=\"titre\"><th class=\"pxname\" width=\"10%\"");
        if (page.ShowLegends)
        {
            o.Append(" title=\"cap: ").Append(px.CapabilityWord).Append(", mode: ").Append(px.Mode == ProxyMode.Http ? "http" : "tcp")
                .Append(", id: ").Append(px.Uuid.ToString(Inv)).Append('"');
        }

        o.Append("><a name=\"").Append(name).Append("\"></a><a class=px href=\"#").Append(name).Append("\">").Append(name)
            .Append("</a></th><th class=\"empty\" width=\"90%\"></th></tr>\n</table>\n")
            .Append("<table class=\"tbl\" width=\"100%\">\n<tr class=\"titre\"><th rowspan=2 width=1></th><th rowspan=2></th>")
            .Append("<th colspan=3>Queue</th><th colspan=3>Session rate</th><th colspan=5>Sessions</th><th colspan=2>Bytes</th>")
            .Append("<th colspan=2>Denied</th><th colspan=3>Errors</th><th colspan=2>Warnings</th><th colspan=9>Server</th></tr>\n")
            .Append("<tr class=\"titre\"><th>Cur</th><th>Max</th><th>Limit</th><th>Cur</th><th>Max</th><th>Limit</th>")
            .Append("<th>Cur</th><th>Max</th><th>Limit</th><th>Total</th><th>LbTot</th><th>In</th><th>Out</th><th>Req</th><th>Resp</th>")
            .Append("<th>Req</th><th>Conn</th><th>Resp</th><th>Retr</th><th>Redis</th><th>Status</th><th>LastChk</th><th>Wght</th>")
            .Append("<th>Act</th><th>Bck</th><th>Chk</th><th>Dwn</th><th>Dwntme</th><th>Thrtle</th>\n</tr>");
        if (px.IsFrontend)
        {
            FrontendRow(o, loop, px);
            if (px.SocketStats)
            {
                foreach (var l in px.Listeners)
                {
                    ListenerRow(o, px, l, page.ShowLegends);
                }
            }
        }

        if (px.IsBackend)
        {
            foreach (var sv in px.Servers)
            {
                if (hideDown && ((sv.State & ServerState.Maintain) != 0 || (!ServerStatusText.Effective(sv).IsRunning && ServerStatusText.Effective(sv).Checked)))
                {
                    continue;
                }

                ServerRow(o, loop, px, sv, form, page.ShowLegends);
            }

            BackendRow(o, loop, px);
        }

        o.Append("</table>");
        if (form)
        {
            o.Append("Choose the action to perform on the checked servers : <select name=action><option value=\"\"></option>")
                .Append("<option value=\"disable\">Disable</option><option value=\"enable\">Enable</option>")
                .Append("<option value=\"stop\">Soft Stop</option><option value=\"start\">Soft Start</option></select>")
                .Append("<input type=\"hidden\" name=\"b\" value=\"#").Append(px.Uuid.ToString(Inv)).Append("\">")
                .Append("&nbsp;<input type=\"submit\" value=\"Apply\"></form>");
        }

        o.Append("<p>\n");
    }

    private static void FrontendRow(StringBuilder o, EngineLoop loop, Proxy px)
    {
        var now = loop.Clock.NowUs;
        var name = Esc(px.Name);
        o.Append("<tr class=\"frontend\"><td></td><td class=ac><a name=\"").Append(name).Append("/Frontend\"></a><a class=lfsb href=\"#")
            .Append(name).Append("/Frontend\">Frontend</a></td><td colspan=3></td>");
        Td(o, px.FeSessPerSec.Read(now));
        Td(o, px.FeSpsMax);
        o.Append(px.SessionRateLimit > 0 ? "<td>" + px.SessionRateLimit.ToString(Inv) + "</td>" : "<td>-</td>");
        Td(o, px.FeConn);
        Td(o, px.FeConnMax);
        Td(o, px.MaxConn);
        if (px.Mode == ProxyMode.Http)
        {
            o.Append("<td title=\"").Append(px.CumReq.ToString(Inv)).Append(" requests: ");
            Rsp(o, px.HttpRsp, ", ");
            o.Append("\"><u>").Append(px.CumFeConn.ToString(Inv)).Append("</u></td>");
        }
        else
        {
            Td(o, px.CumFeConn);
        }

        o.Append("<td></td>");
        Td(o, px.BytesIn);
        Td(o, px.BytesOut);
        Td(o, px.DeniedReq);
        Td(o, px.DeniedResp);
        Td(o, px.FailedReq);
        o.Append("<td></td><td></td><td></td><td></td><td class=ac>").Append(StatsCsv.FrontendStatus(px))
            .Append("</td><td class=ac colspan=8></td></tr>");
    }

    /// <summary>A listener row (<c>option socket-stats</c>), with 1.4.25's cells; legends add its address and id.</summary>
    private static void ListenerRow(StringBuilder o, Proxy px, Listener l, bool legends)
    {
        var anchor = Esc(px.Name) + "/+" + Esc(l.StatsName);
        o.Append("<tr class=socket><td></td><td class=ac");
        if (legends)
        {
            o.Append(" title=\"IP: ").Append(Esc(l.EndPoint.Address.ToString())).Append(':').Append(l.EndPoint.Port.ToString(Inv))
                .Append(", id: ").Append(l.Luid.ToString(Inv)).Append("\"><u");
        }

        o.Append("><a name=\"").Append(anchor).Append("\"></a><a class=lfsb href=\"#").Append(anchor).Append("\">")
            .Append(Esc(l.StatsName)).Append("</a></td><td colspan=3>").Append(legends ? "</u>" : string.Empty)
            .Append("</td><td colspan=3>&nbsp;</td>");
        Td(o, l.NbConn);
        Td(o, l.NbConnMax);
        Td(o, l.MaxConn);
        Td(o, l.CumConn);
        o.Append("<td>&nbsp;</td>");
        Td(o, l.BytesIn);
        Td(o, l.BytesOut);
        Td(o, l.DeniedReq);
        Td(o, l.DeniedResp);
        Td(o, l.FailedReq);
        o.Append("<td></td><td></td><td></td><td></td><td class=ac>").Append(l.NbConn < l.MaxConn ? "OPEN" : "FULL")
            .Append("</td><td class=ac colspan=8></td></tr>");
    }

    private static void ServerRow(StringBuilder o, EngineLoop loop, Proxy px, Server sv, bool form, bool legends)
    {
        var nowSec = loop.Clock.NowSeconds;
        var svs = ServerStatusText.Effective(sv);
        string cls;
        if ((sv.State & ServerState.Maintain) != 0 || (svs.State & ServerState.Maintain) != 0)
        {
            cls = "maintain";
        }
        else
        {
            var state = svs.Checked ? ServerStatusText.HealthState(sv) : 6;
            cls = (sv.IsBackup ? "backup" : "active") + state.ToString(Inv);
        }

        var pname = Esc(px.Name);
        var sname = Esc(sv.Name);
        o.Append("<tr class=\"").Append(cls).Append("\"><td>");
        if (form)
        {
            o.Append("<input type=\"checkbox\" name=\"s\" value=\"").Append(sname).Append("\">");
        }

        o.Append("</td><td class=ac");
        if (legends && sv.Address is { } addr)
        {
            o.Append(" title=\"IP: ").Append(Esc(addr.ToString())).Append(", id: ").Append(sv.Puid.ToString(Inv)).Append('"');
        }

        o.Append("><a name=\"").Append(pname).Append('/').Append(sname).Append("\"></a><a class=lfsb href=\"#").Append(pname)
            .Append('/').Append(sname).Append("\">").Append(sname).Append("</a></td>");
        Td(o, sv.NbPend);
        Td(o, sv.NbPendMax);
        o.Append(sv.MaxQueue > 0 ? "<td>" + sv.MaxQueue.ToString(Inv) + "</td>" : "<td>-</td>");
        Td(o, sv.SessPerSec.Read(loop.Clock.NowUs));
        Td(o, sv.SpsMax);
        o.Append("<td></td>");
        Td(o, sv.CurSess);
        Td(o, sv.CurSessMax);
        if (sv.MaxConn == 0)
        {
            o.Append("<td>-</td>");
        }
        else if (DynMaxconnReport.IsThrottled(sv, nowSec))
        {
            var limit = Queueing.DynamicMaxconn.SrvDynamicMaxconn(sv, nowSec);
            o.Append("<td class=\"dynlim\" title=\"srv_dynamic_maxconn: ").Append(limit.ToString(Inv)).Append(" of maxconn ")
                .Append(sv.MaxConn.ToString(Inv)).Append(" (beconn ").Append(px.BeConn.ToString(Inv)).Append(", fullconn ")
                .Append(px.FullConn.ToString(Inv)).Append("), ").Append((sv.NbPend + px.NbPend).ToString(Inv))
                .Append(" waiting, oldest ").Append(DynMaxconnReport.OldestWaitMs(loop, sv).ToString(Inv)).Append(" ms\"><u>")
                .Append(limit.ToString(Inv)).Append('/').Append(sv.MaxConn.ToString(Inv)).Append("</u></td>");
        }
        else
        {
            Td(o, sv.MaxConn);
        }

        if (px.Mode == ProxyMode.Http)
        {
            o.Append("<td title=\"rsp codes: ");
            Rsp(o, sv.HttpRsp, ", ");
            o.Append("\"><u>").Append(sv.CumSess.ToString(Inv)).Append("</u></td>");
        }
        else
        {
            Td(o, sv.CumSess);
        }

        Td(o, sv.CumLbConn);
        Td(o, sv.BytesIn);
        Td(o, sv.BytesOut);
        o.Append("<td></td>");
        Td(o, sv.DeniedResp);
        o.Append("<td></td>");
        Td(o, sv.FailedConns);
        o.Append("<td title=\"Connection resets during transfers: ").Append(sv.CliAborts.ToString(Inv)).Append(" client, ")
            .Append(sv.SrvAborts.ToString(Inv)).Append(" server\"><u>").Append(sv.FailedResp.ToString(Inv)).Append("</u></td>");
        Td(o, sv.Retries);
        Td(o, sv.Redispatches);

        // Status, LastChk.
        var status = ServerStatusText.Csv(sv);
        o.Append("<td class=ac>");
        if (svs.Checked || (sv.State & ServerState.Maintain) != 0)
        {
            o.Append(HumanTime(nowSec - sv.LastChangeSeconds)).Append(' ');
        }

        o.Append(status == "no check" ? string.Empty : status).Append("</td>");
        if (sv.Checked)
        {
            o.Append("<td class=ac title=\"").Append(Esc(Checks.CheckStatuses.Description(sv.CheckStatus)));
            if (sv.CheckDesc.Length > 0)
            {
                o.Append(": ").Append(Esc(sv.CheckDesc));
            }

            o.Append("\"><u> ").Append(ServerStatusText.CheckName(sv.CheckStatus));
            if (Checks.CheckStatuses.HasCode(sv.CheckStatus))
            {
                o.Append('/').Append(sv.CheckCode.ToString(Inv));
            }

            if (ServerStatusText.HasDuration(sv.CheckStatus))
            {
                o.Append(" in ").Append(sv.CheckDuration.ToString(Inv)).Append("ms");
            }

            o.Append("</u></td>");
        }
        else
        {
            o.Append("<td></td>");
        }

        o.Append("<td class=ac>").Append(ServerStatusText.Weight(sv).ToString(Inv)).Append("</td><td class=ac>")
            .Append(sv.IsBackup ? "-" : "Y").Append("</td><td class=ac>").Append(sv.IsBackup ? "Y" : "-").Append("</td>");
        if (sv.Tracked is { } t)
        {
            var target = Esc(t.Proxy.Name) + "/" + Esc(t.Name);
            o.Append("<td class=ac colspan=3><a class=lfsb href=\"#").Append(target).Append("\">via ").Append(target).Append("</a></td>");
        }
        else if (sv.Checked)
        {
            o.Append("<td title=\"Failed Health Checks\"><u>").Append(sv.FailedChecks.ToString(Inv)).Append("</u></td>");
            Td(o, sv.DownTransitions);
            o.Append("<td>").Append(HumanTime(ServerStatusText.DownTime(sv, nowSec))).Append("</td>");
        }
        else
        {
            o.Append("<td colspan=3></td>");
        }

        var throttle = ServerStatusText.Throttle(sv, nowSec);
        o.Append("<td class=ac>").Append(throttle >= 0 ? throttle.ToString(Inv) + " %" : "-").Append("</td></tr>\n");
    }

    private static void BackendRow(StringBuilder o, EngineLoop loop, Proxy px)
    {
        var nowSec = loop.Clock.NowSeconds;
        var name = Esc(px.Name);
        var lb = px.Lb;
        o.Append("<tr class=\"backend\"><td></td><td class=ac><a name=\"").Append(name).Append("/Backend\"></a><a class=lfsb href=\"#")
            .Append(name).Append("/Backend\">Backend</a></td>");
        Td(o, px.NbPend);
        Td(o, px.NbPendMax);
        o.Append("<td></td>");
        Td(o, px.BeSessPerSec.Read(loop.Clock.NowUs));
        Td(o, px.BeSpsMax);
        o.Append("<td></td>");
        Td(o, px.BeConn);
        Td(o, px.BeConnMax);
        Td(o, px.FullConn);
        if (px.Mode == ProxyMode.Http)
        {
            o.Append("<td title=\"rsp codes: ");
            Rsp(o, px.BeHttpRsp, " ");
            o.Append("\"><u>").Append(px.CumBeConn.ToString(Inv)).Append("</u></td>");
        }
        else
        {
            Td(o, px.CumBeConn);
        }

        Td(o, px.CumLbConn);
        Td(o, px.BytesIn);
        Td(o, px.BytesOut);
        Td(o, px.DeniedReq);
        Td(o, px.DeniedResp);
        o.Append("<td></td>");
        Td(o, px.FailedConns);
        o.Append("<td title=\"Connection resets during transfers: ").Append(px.CliAborts.ToString(Inv)).Append(" client, ")
            .Append(px.SrvAborts.ToString(Inv)).Append(" server\"><u>").Append(px.FailedResp.ToString(Inv)).Append("</u></td>");
        Td(o, px.Retries);
        Td(o, px.Redispatches);
        o.Append("<td class=ac>").Append(HumanTime(nowSec - px.LastChangeSeconds)).Append(' ')
            .Append(StatsCsv.BackendUp(px) ? "UP" : "<font color=\"red\"><b>DOWN</b></font>")
            .Append("</td><td class=ac>&nbsp;</td><td class=ac>").Append(ServerStatusText.Weight(px).ToString(Inv))
            .Append("</td><td class=ac>").Append((lb?.SrvAct ?? 0).ToString(Inv)).Append("</td><td class=ac>")
            .Append((lb?.SrvBck ?? 0).ToString(Inv)).Append("</td><td class=ac>&nbsp;</td>");
        Td(o, px.DownTransitions);
        o.Append("<td>").Append(HumanTime(px.Servers.Count > 0 ? ServerStatusText.BackendDownTime(px, nowSec) : 0)).Append("</td><td></td></tr>");
    }

    private static void Rsp(StringBuilder o, long[] rsp, string sep)
    {
        o.Append("1xx=").Append(rsp[0].ToString(Inv)).Append(sep).Append("2xx=").Append(rsp[1].ToString(Inv)).Append(sep)
            .Append("3xx=").Append(rsp[2].ToString(Inv)).Append(sep).Append("4xx=").Append(rsp[3].ToString(Inv)).Append(sep)
            .Append("5xx=").Append(rsp[4].ToString(Inv)).Append(sep).Append("other=").Append(rsp[5].ToString(Inv));
    }

    private static void Td(StringBuilder o, long v) => o.Append("<td>").Append(v.ToString(Inv)).Append("</td>");

    /// <summary>Durations as the page shows them: <c>5s</c>, <c>3m5s</c>, <c>2h3m</c>, <c>1d2h</c>.</summary>
    public static string HumanTime(long t)
    {
        if (t < 0)
        {
            return "?";
        }

        if (t >= 86400)
        {
            return (t / 86400).ToString(Inv) + "d" + (t % 86400 / 3600).ToString(Inv) + "h";
        }

        if (t >= 3600)
        {
            return (t / 3600).ToString(Inv) + "h" + (t % 3600 / 60).ToString(Inv) + "m";
        }

        if (t >= 60)
        {
            return (t / 60).ToString(Inv) + "m" + (t % 60).ToString(Inv) + "s";
        }

        return t.ToString(Inv) + "s";
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);
}

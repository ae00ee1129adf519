using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Checks;
using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>The check half of the runtime build: check settings per backend, check fields per server, tracking.</summary>
public static partial class RuntimeBuilder
{
    /// <summary>The backend's check protocol, request bytes, http-check options and log-health-checks.</summary>
    public static CheckSettings ToCheckSettings(Cfg.ProxySection s)
    {
        var kind = s.CheckType switch
        {
            Cfg.CheckType.Http => CheckKind.Http,
            Cfg.CheckType.SslHello => CheckKind.SslHello,
            Cfg.CheckType.Smtp => CheckKind.Smtp,
            Cfg.CheckType.Mysql => CheckKind.Mysql,
            Cfg.CheckType.Ldap => CheckKind.Ldap,
            _ => CheckKind.Tcp,
        };
        var request = kind switch
        {
            CheckKind.Http or CheckKind.Smtp => Encoding.Latin1.GetBytes(s.CheckRequest ?? string.Empty),
            CheckKind.SslHello => CheckRequests.SslClientHello(),
            CheckKind.Mysql => CheckRequests.MysqlAuth(s.CheckRequest),
            CheckKind.Ldap => CheckRequests.LdapBind(),
            _ => [],
        };
        var settings = new CheckSettings(kind, request)
        {
            DisableOn404 = s.DisableOn404,
            SendState = s.SendState,
            LogHealthChecks = s.Options.Contains("log-health-checks"),
        };
        return s.HttpCheckExpect is { } expect ? WithExpect(settings, expect) : settings;
    }

    /// <summary>Parses the stored <c>http-check expect</c> arguments (<c>[!] status|rstatus|string|rstring value</c>).</summary>
    public static CheckSettings WithExpect(CheckSettings settings, string expect)
    {
        var words = expect.Split(' ', 2);
        var inverted = words[0] == "!";
        if (inverted)
        {
            words = words.Length > 1 ? words[1].Split(' ', 2) : [string.Empty];
        }

        var value = words.Length > 1 ? words[1] : string.Empty;
        var kind = words[0] switch
        {
            "status" => ExpectKind.Status,
            "rstatus" => ExpectKind.RStatus,
            "string" => ExpectKind.String,
            "rstring" => ExpectKind.RString,
            _ => ExpectKind.None,
        };
        PosixRegex? regex = null;
        if (kind is ExpectKind.RStatus or ExpectKind.RString && !PosixRegex.TryCompile(value, false, out regex))
        {
            kind = ExpectKind.None; // the parser already refused a bad regex
        }

        return settings with
        {
            Expect = kind,
            ExpectInverted = inverted,
            ExpectString = kind is ExpectKind.Status or ExpectKind.String ? value : null,
            ExpectRegex = regex,
        };
    }

    /// <summary>The check fields of a server line (health starts at rise, maintenance at 0).</summary>
    private static void ApplyCheckSettings(Server srv, Cfg.ServerLine line)
    {
        srv.Rise = line.Rise;
        srv.Fall = line.Fall;
        srv.Inter = line.Inter;
        srv.FastInter = line.FastInter;
        srv.DownInter = line.DownInter;
        srv.CheckPort = line.CheckPort;
        srv.CheckAddress = line.CheckAddress;
        srv.ErrorLimit = line.ErrorLimit;
        srv.Observe = line.Observe switch
        {
            "layer4" => ObserveMode.Layer4,
            "layer7" => ObserveMode.Layer7,
            _ => ObserveMode.None,
        };
        srv.OnError = line.OnError switch
        {
            "fastinter" => OnErrorAction.FastInter,
            "sudden-death" => OnErrorAction.SuddenDeath,
            "mark-down" => OnErrorAction.MarkDown,
            _ => OnErrorAction.FailCheck,
        };
        srv.Health = line.Disabled ? 0 : srv.Rise;
        if (line.Check && line.CheckPort != 0 && line.Track is null)
        {
            srv.Checked = true;
            srv.CheckStatus = CheckStatus.Initializing;
        }
    }

    /// <summary>Links a tracker to its target: the target's tracker list, and maintenance inherited at start.</summary>
    private static void LinkTracker(Server tracker, Server target)
    {
        tracker.Tracked = target;
        // 1.4 inserts each new tracker right after the target: the last declared is notified first.
        target.Trackers.Insert(0, tracker);
        if ((target.State & ServerState.Maintain) != 0)
        {
            tracker.State |= ServerState.Maintain;
            tracker.State &= ~ServerState.Running;
            tracker.Health = 0;
        }
    }
}

using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;

namespace HaproxyNet.Config.Parsing;

/// <summary>Turns the builders of a valid configuration into the immutable model.</summary>
internal static class ModelFreezer
{
    public static ConfigDocument Freeze(ParseState s)
    {
        var g = s.Global;
        var global = new GlobalSection
        {
            Daemon = g.Daemon,
            Debug = g.Debug,
            Quiet = g.Quiet,
            NbProc = g.NbProc,
            MaxConn = g.MaxConn,
            MaxPipes = g.MaxPipes,
            UlimitN = g.UlimitN,
            Chroot = g.Chroot,
            PidFile = g.PidFile,
            Uid = g.Uid,
            Gid = g.Gid,
            Logs = [.. g.Logs],
            LogSendHostname = g.LogSendHostname,
            LogTag = g.LogTag,
            Description = g.Description,
            Node = g.Node,
            SpreadChecks = g.SpreadChecks,
            TuneBufSize = g.TuneBufSize,
            TuneMaxRewrite = g.TuneMaxRewrite,
            TuneChkSize = g.TuneChkSize,
            TuneMaxAccept = g.TuneMaxAccept,
            TunePipeSize = g.TunePipeSize,
            NoSplice = g.Pollers.Contains("nosplice"),
            TuneMaxPollEvents = g.TuneMaxPollEvents,
            TuneSndBufClient = g.TuneSndBufClient,
            TuneSndBufServer = g.TuneSndBufServer,
            TuneRcvBufClient = g.TuneRcvBufClient,
            TuneRcvBufServer = g.TuneRcvBufServer,
            StatsSocket = g.StatsSocket,
            StatsSocketLevel = g.StatsSocketLevel,
            StatsTimeout = g.StatsTimeout,
            StatsMaxConn = g.StatsMaxConn,
            StatsSocketUid = g.StatsSocketUid,
            StatsSocketGid = g.StatsSocketGid,
            StatsSocketMode = g.StatsSocketMode,
        };
        var d = s.Defaults;
        var defaults = new DefaultsSection(d.Mode, d.MaxConn, Timeouts(d));
        var proxies = s.Proxies.Select(FreezeProxy).ToList();
        var lists = s.UserLists
            .Select(u => new UserList(
                u.Name,
                u.Span,
                u.Users.Select(x => new UserEntry(x.Name, x.Password, x.Insecure, [.. x.Groups])).ToList(),
                u.Groups.Select(x => x.Name).ToList())
            {
                GroupUsers = u.Groups.Select(x => (IReadOnlyList<string>)[.. x.Users]).ToList(),
            })
            .ToList();
        return new ConfigDocument(global, defaults, proxies, lists);
    }

    private static UserList? StatsUserList(StatsBuilder st)
    {
        if (st.Users.Count == 0)
        {
            return null;
        }

        var users = new UserEntry[st.Users.Count];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = new UserEntry(st.Users[i], st.Passwords[i], true, []);
        }

        return new UserList(Validation.AclTargetResolver.InternalStatsUserlist, default, users, []);
    }

    private static ProxyTimeouts Timeouts(ProxyBuilder p) => new(
        p.TimeoutClient,
        p.TimeoutServer,
        p.TimeoutConnect,
        p.TimeoutQueue,
        p.TimeoutTarpit,
        p.TimeoutHttpRequest,
        p.TimeoutHttpKeepAlive,
        p.TimeoutCheck);

    private static ProxySection FreezeProxy(ProxyBuilder p) => new()
    {
        Name = p.Name,
        Capabilities = p.Capabilities,
        Span = p.Span,
        Id = p.Id,
        Mode = p.Mode,
        Disabled = p.Disabled,
        Description = p.Description,
        Options = new HashSet<string>(p.Options, StringComparer.Ordinal),
        HttpLog = (p.ToLog & LogFlags.Request) != 0,
        TcpLog = p.ToLog != LogFlags.None && (p.ToLog & LogFlags.Request) == 0,
        CheckType = p.CheckType,
        CheckRequest = p.CheckRequest,
        MaxConn = p.MaxConn,
        FullConn = p.FullConn,
        Backlog = p.Backlog,
        Retries = p.Retries,
        SessionRateLimit = p.SessionRateLimit,
        Grace = p.Grace,
        Timeouts = Timeouts(p),
        Listeners = p.Listeners.Select(l => new ListenerLine(l.Address, l.Port, l.Name, l.Id, l.Span) { Interface = l.Interface, Mss = l.Mss, DeferAccept = l.DeferAccept }).ToList(),
        Servers = p.Servers.Select(x => x.Freeze()).ToList(),
        Balance = p.Balance,
        BalanceParameter = p.BalanceParameter,
        HashConsistent = p.HashConsistent,
        CookieName = p.CookieName,
        CookieModes = [.. p.CookieModes],
        DefaultBackend = p.DefaultBackend,
        UseBackendTargets = p.UseBackendRules.Select(r => r.Target).ToList(),
        Logs = [.. p.Logs],
        Stats = p.Stats is { } st
            ? new StatsSettings(st.Uri, st.Realm, st.RefreshSeconds, st.HideVersion, st.ShowLegends, [.. st.Users], [.. st.Scopes], st.AdminRules)
            {
                AuthUserList = StatsUserList(st),
                AuthRule = st.AuthRule,
                HttpRequestRules = st.HttpRequestRules,
                HttpRequestRuleList = [.. st.HttpRequestRuleList],
                ShowNode = st.ShowNodeSet,
                NodeName = st.ShowNode,
                ShowDesc = st.ShowDescSet,
                Description = st.ShowDesc,
            }
            : null,
        MonitorUri = p.MonitorUri,
        ErrorFiles = new Dictionary<int, byte[]>(p.ErrorFiles),
        Acls = p.Acls,
        SwitchingRules = [.. p.SwitchingRules],
        HttpRequestRules = [.. p.HttpRequestRuleList],
        RedirectRules = [.. p.RedirectRules],
        RegexRules = [.. p.RegexRules],
        HeaderAddRules = [.. p.HeaderAddRules],
        ConditionRules = [.. p.ConditionRules],
        RequestCaptures = p.Mode == ProxyMode.Http ? [.. p.RequestCaptureList] : [],
        ResponseCaptures = p.Mode == ProxyMode.Http ? [.. p.ResponseCaptureList] : [],
        CaptureCookie = p.CaptureCookie is null ? null : new Model.Rules.CaptureHeader(p.CaptureCookie, p.CaptureCookieLength),
        TcpInspectDelay = p.TcpInspectDelay,
        StickTable = p.StickTableType is null || p.StickTableSize == 0
            ? null
            : new Model.Rules.StickTableSettings(p.StickTableType, p.StickTableKeyLength, p.StickTableSize, p.StickTableExpire, p.StickTableNoPurge),
        StickRules = [.. p.StickRuleLines],
        CookieDomains = [.. p.CookieDomains],
        CookieMaxIdle = p.CookieMaxIdle,
        CookieMaxLife = p.CookieMaxLife,
        AppSessionName = p.AppSessionName,
        AppSessionLength = p.AppSessionLength,
        AppSessionTimeout = p.AppSessionTimeout,
        AppSessionRequestLearn = p.AppSessionRequestLearn,
        AppSessionPrefix = p.AppSessionPrefix,
        AppSessionQueryString = p.AppSessionQueryString,
        PersistRdpCookie = p.PersistRdpCookie,
        UriLengthLimit = p.UriLengthLimit,
        UriDepthLimit = p.UriDepthLimit,
        UriWhole = p.UriWhole,
        UrlParamPostLimit = p.UrlParamPostLimit,
        HeaderUseDomainOnly = p.HeaderUseDomainOnly,
        HttpCheckExpect = p.HttpCheckExpect,
        DisableOn404 = p.DisableOn404,
        SendState = p.SendState,
        ForwardForHeader = p.ForwardFor ? p.ForwardForHeader : null,
        ForwardForExcept = p.ForwardFor ? p.ForwardForExcept : null,
        ForwardForIfNone = p.ForwardFor && p.ForwardForIfNone,
        OriginalToHeader = p.OriginalTo ? p.OriginalToHeader : null,
        OriginalToExcept = p.OriginalTo ? p.OriginalToExcept : null,
        TcpKeepAliveClient = p.TcpKeepAliveClient || p.Options.Contains("clitcpka"),
        TcpKeepAliveServer = p.TcpKeepAliveServer || p.Options.Contains("srvtcpka"),
        Transparent = p.Transparent || p.Options.Contains("transparent"),
        MonitorNet = p.MonitorNet,
        MonitorNetwork = p.MonitorNetwork,
        HttpSendNameHeader = p.HttpSendNameHeader,
        BindProcess = p.BindProcess,
        ErrorLocations = new Dictionary<int, string>(p.ErrorLocations),
        ErrorLocationStatus = new Dictionary<int, int>(p.ErrorLocationStatus),
        DefaultServer = p.DefaultServer.Freeze(),
        Dispatch = p.Dispatch is null ? null : $"{p.Dispatch.Address}:{unchecked((ushort)p.Dispatch.Port)}",
        Source = p.Source is null ? null : $"{p.Source.Address}:{unchecked((ushort)p.Source.Port)}",
        SourceInterface = p.Source is null ? null : p.Interface,
        ClfLog = p.ClfLog,
        LogAsap = p.Options.Contains("logasap"),
    };
}

namespace HaproxyNet.Config.Parsing.Builders;

internal sealed partial class ProxyBuilder
{
    /// <summary>A defaults section with 1.4's built-in values (<c>init_default_instance</c>).</summary>
    public static ProxyBuilder NewDefaults(int defaultMaxConn) => new()
    {
        IsDefaults = true,
        MaxConn = defaultMaxConn,
    };

    /// <summary>
    /// Copies what a new proxy takes from the defaults in effect at its header line
    /// (cfg_parse_listen, "set default values"; CONFIG.md §4).
    /// </summary>
    public void InheritFrom(ProxyBuilder d)
    {
        DefaultServer = d.DefaultServer.Clone();
        DefaultServer.Name = "default-server";
        Disabled = d.Disabled;
        Options = new HashSet<string>(d.Options, StringComparer.Ordinal);
        NoOptions = new HashSet<string>(d.NoOptions, StringComparer.Ordinal);
        CheckType = d.CheckType;
        ClfLog = d.ClfLog;
        DisableOn404 = d.DisableOn404;
        SendState = d.SendState;
        ForwardFor = d.ForwardFor;
        ForwardForIfNone = d.ForwardForIfNone;
        OriginalTo = d.OriginalTo;
        TcpKeepAliveClient = d.TcpKeepAliveClient;
        TcpKeepAliveServer = d.TcpKeepAliveServer;
        Transparent = d.Transparent;
        BindProcess = d.BindProcess;
        Balance = d.Balance;
        HashConsistent = d.HashConsistent;
        ForwardForExcept = d.ForwardForExcept;
        OriginalToExcept = d.OriginalToExcept;
        ForwardForHeader = d.ForwardForHeader;
        OriginalToHeader = d.OriginalToHeader;
        HttpSendNameHeader = d.HttpSendNameHeader;

        if (HasFrontend)
        {
            MaxConn = d.MaxConn;
            Backlog = d.Backlog;
            SessionRateLimit = d.SessionRateLimit;
            ErrorFiles = new Dictionary<int, byte[]>(d.ErrorFiles);
            ErrorLocations = new Dictionary<int, string>(d.ErrorLocations);
            ErrorLocationStatus = new Dictionary<int, int>(d.ErrorLocationStatus);
            ToLog = d.ToLog & ~(LogFlags.Cookie | LogFlags.RequestHeaders | LogFlags.ResponseHeaders);
        }
        else
        {
            // init_new_proxy leaves these at zero for proxies without frontend capability
            MaxConn = 0;
        }

        if (HasBackend)
        {
            FullConn = d.FullConn;
            Retries = d.Retries;
            CheckRequest = d.CheckRequest;
            HttpCheckExpect = d.HttpCheckExpect;
            CookieName = d.CookieName;
            CookieModes = [.. d.CookieModes];
            PersistRdpCookie = d.PersistRdpCookie;
            CookieDomains = [.. d.CookieDomains];
            CookieMaxIdle = d.CookieMaxIdle;
            CookieMaxLife = d.CookieMaxLife;
            HeaderUseDomainOnly = d.HeaderUseDomainOnly;
            BalanceParameter = d.BalanceParameter;
            Interface = d.Interface;
        }
        else
        {
            Retries = 0;
        }

        if (HasFrontend)
        {
            CaptureCookie = d.CaptureCookie;
            CaptureCookieLength = d.CaptureCookieLength;
            TimeoutClient = d.TimeoutClient;
            TimeoutTarpit = d.TimeoutTarpit;
            TimeoutHttpRequest = d.TimeoutHttpRequest;
            TimeoutHttpKeepAlive = d.TimeoutHttpKeepAlive;
            Stats = d.Stats;
            MonitorNet = d.MonitorNet;
            MonitorNetwork = d.MonitorNetwork;
            MonitorUri = d.MonitorUri;
            DefaultBackend = d.DefaultBackend;
        }

        if (HasBackend)
        {
            TimeoutConnect = d.TimeoutConnect;
            TimeoutServer = d.TimeoutServer;
            TimeoutCheck = d.TimeoutCheck;
            TimeoutQueue = d.TimeoutQueue;
            TimeoutTarpit = d.TimeoutTarpit;
            TimeoutHttpRequest = d.TimeoutHttpRequest;
            TimeoutHttpKeepAlive = d.TimeoutHttpKeepAlive;
            Source = d.Source;
        }

        Mode = d.Mode;
        Logs = [.. d.Logs];
        Grace = d.Grace;
    }
}

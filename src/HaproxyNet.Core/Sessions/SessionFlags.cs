namespace HaproxyNet.Core.Sessions;

/// <summary>Session flags (1.4's SN_*, include/types/session.h), the subset the engine uses.</summary>
[Flags]
public enum SessionFlags
{
    None = 0,

    /// <summary>SN_DIRECT: the server was chosen by persistence.</summary>
    Direct = 1 << 0,

    /// <summary>SN_ASSIGNED: a server (or dispatch) was assigned.</summary>
    Assigned = 1 << 1,

    /// <summary>SN_ADDR_SET: the server address is known.</summary>
    AddrSet = 1 << 2,

    /// <summary>SN_BE_ASSIGNED: the backend was set (beconn counted).</summary>
    BeAssigned = 1 << 3,

    /// <summary>SN_FORCE_PRST: force-persist matched.</summary>
    ForcePrst = 1 << 4,

    /// <summary>SN_MONITOR: monitor request, never logged.</summary>
    Monitor = 1 << 5,

    /// <summary>SN_CURR_SESS: counted in the server's cur_sess.</summary>
    CurrSess = 1 << 6,

    /// <summary>SN_REDISP: redispatched to another server.</summary>
    Redisp = 1 << 7,

    /// <summary>SN_REDIRECTABLE: the request may be redirected (HTTP <c>redir</c>).</summary>
    Redirectable = 1 << 8,

    /// <summary>SN_IGNORE_PRST: an <c>ignore-persist</c> rule matched, cookies and appsession are not used.</summary>
    IgnorePrst = 1 << 9,
}

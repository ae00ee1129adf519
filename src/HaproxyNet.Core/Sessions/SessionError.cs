namespace HaproxyNet.Core.Sessions;

/// <summary>Termination cause, first character of the termination state (1.4's SN_ERR_*; log char in <c>-cCsSPRI</c>).</summary>
public enum SessionError
{
    /// <summary><c>-</c>.</summary>
    None = 0,

    /// <summary><c>c</c>: client-side timeout.</summary>
    CliTo,

    /// <summary><c>C</c>: client closed or aborted.</summary>
    CliCl,

    /// <summary><c>s</c>: server-side timeout.</summary>
    SrvTo,

    /// <summary><c>S</c>: server closed, refused or unavailable.</summary>
    SrvCl,

    /// <summary><c>P</c>: proxy decision.</summary>
    PrxCond,

    /// <summary><c>R</c>: resource shortage.</summary>
    Resource,

    /// <summary><c>I</c>: internal error.</summary>
    Internal,
}

namespace HaproxyNet.Core.Sessions;

/// <summary>Session state at termination, second character (1.4's SN_FINST_*; log char in <c>-RCHDLQT</c>).</summary>
public enum SessionFinState
{
    /// <summary><c>-</c>.</summary>
    None = 0,

    /// <summary><c>R</c>: request.</summary>
    R,

    /// <summary><c>C</c>: connect.</summary>
    C,

    /// <summary><c>H</c>: headers.</summary>
    H,

    /// <summary><c>D</c>: data.</summary>
    D,

    /// <summary><c>L</c>: last data.</summary>
    L,

    /// <summary><c>Q</c>: queue.</summary>
    Q,

    /// <summary><c>T</c>: tarpit.</summary>
    T,
}

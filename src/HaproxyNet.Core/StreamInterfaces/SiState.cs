namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>Stream interface states (1.4's SI_ST_*); order matters: comparisons like "&lt; EST" are used.</summary>
public enum SiState
{
    /// <summary>SI_ST_INI: not initialised.</summary>
    Ini = 0,

    /// <summary>SI_ST_REQ: a connection is requested (transient).</summary>
    Req = 1,

    /// <summary>SI_ST_QUE: waiting in a queue.</summary>
    Que = 2,

    /// <summary>SI_ST_TAR: turn-around after a failed connect.</summary>
    Tar = 3,

    /// <summary>SI_ST_ASS: a server is assigned, connect not started.</summary>
    Ass = 4,

    /// <summary>SI_ST_CON: connecting.</summary>
    Con = 5,

    /// <summary>SI_ST_CER: connect error (transient).</summary>
    Cer = 6,

    /// <summary>SI_ST_EST: established.</summary>
    Est = 7,

    /// <summary>SI_ST_DIS: disconnected, to be cleaned up (transient).</summary>
    Dis = 8,

    /// <summary>SI_ST_CLO: closed.</summary>
    Clo = 9,
}

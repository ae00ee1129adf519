namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Request line offsets (1.4's <c>msg-&gt;sl.rq</c>). <see cref="Uri"/> and <see cref="Version"/> are absolute
/// offsets in the data span; lengths are byte counts. The method starts at <see cref="HttpMsg.Som"/>.
/// </summary>
public struct RequestLine
{
    /// <summary>Length of the whole line from <see cref="HttpMsg.Som"/>, without CR/LF (<c>sl.rq.l</c>).</summary>
    public int Length;

    /// <summary>Method length (<c>sl.rq.m_l</c>).</summary>
    public int MethodLength;

    /// <summary>Offset of the URI (<c>sl.rq.u</c>).</summary>
    public int Uri;

    /// <summary>URI length, 0 for an HTTP/0.9 line without URI (<c>sl.rq.u_l</c>).</summary>
    public int UriLength;

    /// <summary>Offset of the version (<c>sl.rq.v</c>).</summary>
    public int Version;

    /// <summary>Version length; 0 means an HTTP/0.9 request (<c>sl.rq.v_l</c>).</summary>
    public int VersionLength;
}

/// <summary>
/// Status line offsets (1.4's <c>msg-&gt;sl.st</c>). The version starts at <see cref="HttpMsg.Som"/>;
/// <see cref="Code"/> and <see cref="Reason"/> are absolute offsets in the data span.
/// </summary>
public struct StatusLine
{
    /// <summary>Length of the whole line from <see cref="HttpMsg.Som"/>, without CR/LF (<c>sl.st.l</c>).</summary>
    public int Length;

    /// <summary>Version length (<c>sl.st.v_l</c>).</summary>
    public int VersionLength;

    /// <summary>Offset of the status code (<c>sl.st.c</c>).</summary>
    public int Code;

    /// <summary>Status code length: any non-space bytes (<c>sl.st.c_l</c>).</summary>
    public int CodeLength;

    /// <summary>Offset of the reason phrase (<c>sl.st.r</c>).</summary>
    public int Reason;

    /// <summary>Reason length, may be 0 (<c>sl.st.r_l</c>).</summary>
    public int ReasonLength;
}

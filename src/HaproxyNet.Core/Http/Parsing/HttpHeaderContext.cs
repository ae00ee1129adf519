namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Iteration state of <see cref="HttpHeaders.FindHeader2"/> (1.4's <c>struct hdr_ctx</c>). Start with
/// <c>default</c> (or <see cref="Reset"/>); each successful call leaves the position of one value so the next call
/// continues with the next comma-separated value, then the next line of the same name.
/// </summary>
public struct HttpHeaderContext
{
    /// <summary>Offset of the current header line's first byte (<c>line</c>).</summary>
    public int Line;

    /// <summary>Index entry of the current line, 0 before the first match (<c>idx</c>).</summary>
    public int Idx;

    /// <summary>Start of the value, relative to <see cref="Line"/> (<c>val</c>).</summary>
    public int Val;

    /// <summary>Value length, up to the comma or end of line, trailing LWS excluded (<c>vlen</c>).</summary>
    public int VLen;

    /// <summary>Trailing LWS bytes after the value (<c>tws</c>).</summary>
    public int Tws;

    /// <summary>Relative position of the previous delimiter (colon or comma) (<c>del</c>).</summary>
    public int Del;

    /// <summary>Index entry preceding <see cref="Idx"/> in message order, for removal (<c>prev</c>).</summary>
    public int Prev;

    /// <summary>Offset of the value's first byte.</summary>
    public readonly int ValueStart => Line + Val;

    /// <summary>Restarts the iteration from the first header.</summary>
    public void Reset() => this = default;
}

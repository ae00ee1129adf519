namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Outcome of the resumable helpers (chunk size, chunk CRLF, trailers, body length): 1.4's return values
/// <c>0</c> (need more data), <c>1</c> (done), <c>-1</c> (error, <see cref="HttpMsg.ErrPos"/> set).
/// </summary>
public enum HttpParseResult : sbyte
{
    /// <summary>Invalid syntax; <see cref="HttpMsg.ErrPos"/> holds the faulty offset.</summary>
    Error = -1,

    /// <summary>Not enough data yet; nothing was consumed, call again with more data.</summary>
    NeedMore = 0,

    /// <summary>Complete; the message's offsets and state were advanced.</summary>
    Ok = 1,
}

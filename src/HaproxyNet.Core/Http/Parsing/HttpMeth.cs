namespace HaproxyNet.Core.Http.Parsing;

/// <summary>Known request methods (1.4's <c>enum http_meth_t</c>, same order).</summary>
public enum HttpMeth : byte
{
    /// <summary>No method (HTTP_METH_NONE).</summary>
    None = 0,

    /// <summary>OPTIONS.</summary>
    Options,

    /// <summary>GET.</summary>
    Get,

    /// <summary>HEAD.</summary>
    Head,

    /// <summary>POST.</summary>
    Post,

    /// <summary>PUT.</summary>
    Put,

    /// <summary>DELETE.</summary>
    Delete,

    /// <summary>TRACE.</summary>
    Trace,

    /// <summary>CONNECT.</summary>
    Connect,

    /// <summary>Any other token (HTTP_METH_OTHER).</summary>
    Other,
}

/// <summary>Method classification (1.4's <c>find_http_meth</c>).</summary>
public static class HttpMethods
{
    /// <summary>
    /// Classifies a method name: exact, case-sensitive match of the whole name (<c>find_http_meth</c>);
    /// anything else is <see cref="HttpMeth.Other"/>.
    /// </summary>
    public static HttpMeth Find(ReadOnlySpan<byte> method) => method.Length switch
    {
        3 when method.SequenceEqual("GET"u8) => HttpMeth.Get,
        3 when method.SequenceEqual("PUT"u8) => HttpMeth.Put,
        4 when method.SequenceEqual("HEAD"u8) => HttpMeth.Head,
        4 when method.SequenceEqual("POST"u8) => HttpMeth.Post,
        5 when method.SequenceEqual("TRACE"u8) => HttpMeth.Trace,
        6 when method.SequenceEqual("DELETE"u8) => HttpMeth.Delete,
        7 when method.SequenceEqual("OPTIONS"u8) => HttpMeth.Options,
        7 when method.SequenceEqual("CONNECT"u8) => HttpMeth.Connect,
        _ => HttpMeth.Other,
    };

    /// <summary>The method of a parsed request (<see cref="HttpMsg.Som"/>, <see cref="RequestLine.MethodLength"/>).</summary>
    public static HttpMeth Find(ReadOnlySpan<byte> data, HttpMsg msg) => Find(data.Slice(msg.Som, msg.Rq.MethodLength));
}

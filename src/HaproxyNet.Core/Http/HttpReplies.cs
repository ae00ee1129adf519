using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Errors;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Http;

/// <summary>
/// The responses HAProxy makes itself (1.4's <c>http_err_msgs</c>, <c>error_message</c>,
/// <c>stream_int_retnclose</c>) and the HTTP side of server failures (<c>http_return_srv_error</c>).
/// </summary>
public static class HttpReplies
{
    /// <summary>The monitor-net reply of event_accept.</summary>
    public static ReadOnlySpan<byte> MonitorNetReply => "HTTP/1.0 200 OK\r\n\r\n"u8;

    /// <summary>error_message: the backend's errorfile/errorloc for <paramref name="code"/>, else the frontend's, else the built-in page.</summary>
    public static ReadOnlySpan<byte> ErrorMessage(Session s, int code)
    {
        ArgumentNullException.ThrowIfNull(s);
        return HttpErrorMessages.Select(s.Be.ErrorMessages, s.Fe.ErrorMessages, code).Span;
    }

    /// <summary>
    /// stream_int_retnclose: the input of <paramref name="si"/> is aborted and emptied, its output emptied of what
    /// was not scheduled yet and given <paramref name="msg"/> to send before closing. What was scheduled stays in
    /// front: a keep-alive client whose next request is refused gets the previous response first, then the page,
    /// as from 1.4.25 (differential test, pipelined requests on http-server-close).
    /// </summary>
    public static void RetnClose(StreamInterface si, ReadOnlySpan<byte> msg)
    {
        ArgumentNullException.ThrowIfNull(si);
        var ib = si.Ib;
        var ob = si.Ob;
        ib.Flags &= ~ChannelFlags.DontRead;
        ib.Abort();
        ib.Flags |= ChannelFlags.AutoClose;
        ib.Erase();
        ob.Flags &= ~ChannelFlags.DontRead;
        ob.Flags |= ChannelFlags.AutoClose;
        ob.EraseUnsent();
        if (!msg.IsEmpty)
        {
            ob.Write(msg);
        }

        ob.Wex = Time.Ticks.AddIfSet(si.Owner.Loop.Clock.NowMs, ob.Wto);
        ob.ShutRNow();
    }

    /// <summary>
    /// http_return_srv_error: the server side failed (no server, refused, timeout, aborted): the termination
    /// flags as default_srv_error sets them, then the 503/500/504 page unless the client already aborted.
    /// </summary>
    public static void ReturnSrvError(Session s, StreamInterface si)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(si);
        var t = si.ErrType;
        if ((t & SiErrType.QueueAbrt) != 0)
        {
            Set(s, si, SessionError.CliCl, SessionFinState.Q, 503, send: true);
        }
        else if ((t & SiErrType.ConnAbrt) != 0)
        {
            Set(s, si, SessionError.CliCl, SessionFinState.C, 503, send: true);
        }
        else if ((t & SiErrType.QueueTo) != 0)
        {
            Set(s, si, SessionError.SrvTo, SessionFinState.Q, 503, send: true);
        }
        else if ((t & SiErrType.QueueErr) != 0)
        {
            Set(s, si, SessionError.SrvCl, SessionFinState.Q, 503, send: true);
        }
        else if ((t & SiErrType.ConnTo) != 0)
        {
            Set(s, si, SessionError.SrvTo, SessionFinState.C, 503, send: true);
        }
        else if ((t & SiErrType.ConnErr) != 0)
        {
            Set(s, si, SessionError.SrvCl, SessionFinState.C, 503, send: true);
        }
        else if ((t & SiErrType.ConnOther) != 0)
        {
            Set(s, si, SessionError.Internal, SessionFinState.C, 500, send: true);
        }
        else
        {
            Set(s, si, SessionError.Internal, SessionFinState.C, 500, send: true);
        }
    }

    private static void Set(Session s, StreamInterface si, SessionError err, SessionFinState fin, int status, bool send)
    {
        // http_server_error: the request is aborted and dropped, the page goes into the response buffer.
        var ob = si.Ob;
        var ib = si.Ib;
        ob.Flags &= ~ChannelFlags.DontRead;
        ob.Abort();
        ob.Flags |= ChannelFlags.AutoClose;
        ob.Erase();
        ib.Flags &= ~ChannelFlags.DontRead;
        ib.Flags |= ChannelFlags.AutoClose;
        if (send)
        {
            if (s.Txn is { } txn)
            {
                txn.Status = status;
            }

            ib.Write(ErrorMessage(s, status));
        }

        ob.Analysers = 0;
        ib.Analysers = 0;
        s.SetErrIfNone(err);
        s.SetFinIfNone(fin);
    }
}

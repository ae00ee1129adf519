using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// Socket options, source binding and NAT on the simulated network: every listen and connect is recorded with its
/// options, sources can be made unbindable, and a client can look redirected from another destination.
/// </summary>
public sealed partial class SimNetwork
{
    /// <summary>Client source address to the destination it asked for before a NAT redirected it to a listener.</summary>
    public Dictionary<IPEndPoint, IPEndPoint> Redirects { get; } = [];

    /// <summary>Source addresses whose bind fails (as bind() would with EADDRNOTAVAIL); foreign ones too.</summary>
    public HashSet<IPEndPoint> UnbindableSources { get; } = [];

    /// <summary>
    /// At most this many bytes per Receive on any socket (0 = all that is queued), as a kernel answering with the
    /// segments it has at that instant although more follow.
    /// </summary>
    public int MaxReceiveSize { get; set; }

    /// <summary>Every connect the engine asked for, in order, with its source and options.</summary>
    public List<SimConnectAttempt> ConnectAttempts { get; } = [];

    /// <summary>The engine's ends of accepted client connections, in accept order.</summary>
    public List<SimSocket> AcceptedSockets { get; } = [];

    /// <summary>Every listener setup call with its options, in order.</summary>
    public List<(IPEndPoint EndPoint, int Backlog, ListenerOptions Options)> ListenCalls { get; } = [];

    /// <summary>Non-fatal listener messages to report for an end point (as a kernel refusing an option would).</summary>
    public Dictionary<IPEndPoint, (string Reason, ListenSeverity Severity)> ListenMessages { get; } = [];

    public IListenerSocket? Listen(IPEndPoint endPoint, int backlog, in ListenerOptions options, out string? message, out ListenSeverity severity)
    {
        ListenCalls.Add((endPoint, backlog, options));
        var l = Listen(endPoint, backlog, out message);
        severity = ListenSeverity.None;
        if (l is SimListenerSocket sim)
        {
            sim.Options = options;
            if (ListenMessages.TryGetValue(endPoint, out var m))
            {
                (message, severity) = m;
            }
        }

        return l;
    }

    public IConnection? Connect(IPEndPoint target, IPEndPoint? source, in SocketOptions options, out ConnectStatus status, out int errno)
    {
        ConnectAttempts.Add(new SimConnectAttempt(target, source, options));
        if (source is not null && UnbindableSources.Contains(source))
        {
            status = ConnectStatus.SourceBindFailed;
            errno = 99; // EADDRNOTAVAIL
            return null;
        }

        if (source is not null && options.ForeignSource is { } foreign && UnbindableSources.Contains(foreign))
        {
            status = ConnectStatus.ForeignBindFailed;
            errno = 98; // EADDRINUSE
            return null;
        }

        var conn = Connect(target, source, out status, out errno);
        if (conn is SimSocket sim)
        {
            sim.Options = options;
        }

        return conn;
    }
}

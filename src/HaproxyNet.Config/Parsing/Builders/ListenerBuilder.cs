using System.Net;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>A listening socket while parsing.</summary>
internal sealed class ListenerBuilder(IPAddress address, int port, SourceSpan span)
{
    public IPAddress Address { get; } = address;

    public int Port { get; } = port;

    public SourceSpan Span { get; } = span;

    public string? Name;
    public int Id;
    public string? Interface;
    public int Mss;
    public bool DeferAccept;
}

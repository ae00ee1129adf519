namespace HaproxyNet.Core.Proxies;

/// <summary>A server's persistence options.</summary>
public sealed partial class Server
{
    /// <summary>The server's <c>cookie</c> value, as bytes; null without one.</summary>
    public byte[]? CookieValue { get; set; }

    /// <summary>The server's <c>redir</c> prefix, as bytes; null without one.</summary>
    public byte[]? RedirectPrefix { get; set; }
}

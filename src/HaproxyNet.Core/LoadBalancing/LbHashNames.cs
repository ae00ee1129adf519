using System.Text;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>The hash algorithms' names as bytes, converted once per backend so lookups allocate nothing.</summary>
internal sealed class LbHashNames
{
    public LbHashNames(LbSettings settings)
    {
        UrlParam = Encoding.Latin1.GetBytes(settings.UrlParamName ?? string.Empty);
        Header = Encoding.Latin1.GetBytes(settings.HeaderName ?? string.Empty);
        RdpCookie = Encoding.Latin1.GetBytes(settings.RdpCookieName);
    }

    public byte[] UrlParam { get; }

    public byte[] Header { get; }

    public byte[] RdpCookie { get; }
}

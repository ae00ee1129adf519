using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>The <c>maxpipes</c> default of a splice build.</summary>
public static partial class RuntimeBuilder
{
    /// <summary>
    /// <c>maxpipes</c> when the configuration does not set it: a quarter of the connections that may splice, i.e.
    /// of the larger of the splicing frontends' maxconn sum and the splicing backends' fullconn (else the global
    /// maxconn) sum, bounded by the global maxconn. 0 when no proxy asks for splicing.
    /// </summary>
    public static int DefaultMaxPipes(Cfg.ConfigDocument doc, int maxConn)
    {
        long frontends = 0;
        long backends = 0;
        foreach (var p in doc.Proxies)
        {
            if (p.Disabled || !(p.Options.Contains("splice-auto") || p.Options.Contains("splice-request") || p.Options.Contains("splice-response")))
            {
                continue;
            }

            if ((p.Capabilities & Cfg.ProxyCapabilities.Frontend) != 0)
            {
                frontends += p.MaxConn;
            }

            if ((p.Capabilities & Cfg.ProxyCapabilities.Backend) != 0)
            {
                backends += p.FullConn != 0 ? p.FullConn : maxConn;
            }
        }

        var pipes = Math.Min(Math.Max(frontends, backends), maxConn);
        return (int)(pipes / 4);
    }
}

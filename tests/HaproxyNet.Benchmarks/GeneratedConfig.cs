using System.Globalization;
using System.Text;

namespace HaproxyNet.Benchmarks;

/// <summary>Builds a large, valid 1.4 configuration: one frontend and many backends of many servers.</summary>
internal static class GeneratedConfig
{
    /// <summary>
    /// A frontend switching on the Host header to <paramref name="backends"/> backends of
    /// <paramref name="serversPerBackend"/> checked servers each (loopback addresses only).
    /// </summary>
    public static byte[] Build(int backends, int serversPerBackend)
    {
        var sb = new StringBuilder();
        sb.Append("# generated: ").Append(backends).Append(" backends x ").Append(serversPerBackend).Append(" servers\n");
        sb.Append("global\n    maxconn 20000\n    log 127.0.0.1:5514 local0\n\n");
        sb.Append("defaults\n    mode http\n    log global\n    option httplog\n    option http-server-close\n");
        sb.Append("    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n    timeout queue 10s\n\n");
        sb.Append("frontend www\n    bind 127.0.0.1:8080\n");
        for (var b = 0; b < backends; b++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    acl host_{b:D3} hdr(host) -i app{b:D3}.example\n");
            sb.Append(CultureInfo.InvariantCulture, $"    use_backend be_{b:D3} if host_{b:D3}\n");
        }

        sb.Append("    default_backend be_000\n");
        for (var b = 0; b < backends; b++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nbackend be_{b:D3}\n    balance {(b % 2 == 0 ? "roundrobin" : "leastconn")}\n");
            sb.Append("    fullconn 1000\n    option httpchk GET /health\n");
            for (var s = 0; s < serversPerBackend; s++)
            {
                var port = 10000 + (b * serversPerBackend) + s;
                sb.Append(CultureInfo.InvariantCulture,
                    $"    server s{s:D2} 127.0.0.1:{port} check inter 2s rise 2 fall 3 weight {1 + (s % 10)} minconn 5 maxconn 50\n");
            }
        }

        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>The configs of the differential runs (placeholders rendered by <see cref="DifferentialRunner"/>).</summary>
internal static class DifferentialConfigs
{
    /// <summary>Three HTTP frontends in front of one server: tunnel (captures), http-server-close, httpclose + monitor-uri.</summary>
    public const string Standard = """
        global
            log 127.0.0.1:${SYSLOG_PORT} local0
            maxconn 200

        defaults
            log     global
            mode    http
            option  httplog
            timeout connect 1s
            timeout client  3s
            timeout server  3s
            timeout http-request 2s

        frontend fe_tunnel
            bind 127.0.0.1:${FE_PORT}
            capture request header Host len 16
            capture request header User-Agent len 12
            capture response header Content-Type len 12
            default_backend app

        frontend fe_serverclose
            bind 127.0.0.1:${FE2_PORT}
            option http-server-close
            capture request header Host len 16
            default_backend app

        frontend fe_httpclose
            bind 127.0.0.1:${FE3_PORT}
            option httpclose
            monitor-uri /r/monitor
            default_backend app

        backend app
            server s1 127.0.0.1:${BE_PORT}

        """;

    /// <summary>
    /// <see cref="Standard"/> with deliberate differences (a 400 relocation, forceclose instead of server-close, another
    /// capture length): a run with it must not agree with a run of <see cref="Standard"/> — the test of the test.
    /// </summary>
    public static string Different => Standard
        .Replace("capture request header Host len 16\n    capture request header User-Agent", "capture request header Host len 5\n    capture request header User-Agent", StringComparison.Ordinal)
        .Replace("option http-server-close", "option forceclose", StringComparison.Ordinal)
        .Replace("frontend fe_tunnel\n    bind 127.0.0.1:${FE_PORT}\n", "frontend fe_tunnel\n    bind 127.0.0.1:${FE_PORT}\n    errorloc 400 http://elsewhere.test/400\n", StringComparison.Ordinal);
}

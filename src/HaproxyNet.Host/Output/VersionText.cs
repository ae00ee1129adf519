namespace HaproxyNet.Host.Output;

/// <summary>Texts of <c>-v</c> and <c>-vv</c>, in the shape of 1.4.25's banner and build block.</summary>
/// <remarks>
/// Mirrors <c>display_version</c> and <c>display_build_opts</c> in haproxy.c. The banner says what this
/// binary is (HaproxyNet, implementing HAProxy 1.4.25 behaviour) and the build block describes this
/// build truthfully: a managed build with one epoll-based poller.
/// </remarks>
public static class VersionText
{
    /// <summary>HaproxyNet's own version.</summary>
    public const string Version = "0.1.0";

    /// <summary>Release date of <see cref="Version"/> (1.4 prints HAPROXY_DATE as yyyy/mm/dd).</summary>
    public const string Date = "2026/11/24";

    /// <summary>The HAProxy release whose behaviour is implemented.</summary>
    public const string ReferenceVersion = "1.4.25";

    /// <summary><c>-v</c>: two lines and an empty one, like 1.4.</summary>
    public static string Banner =>
        "HaproxyNet version " + Version + " " + Date + "\n" +
        "Implements the behaviour of HA-Proxy version " + ReferenceVersion + " 2014/03/27 (a C# port, not HAProxy)\n" +
        "\n";

    /// <summary><c>-vv</c>: what follows the banner.</summary>
    /// <param name="processArchitecture">e.g. "X64" (passed in so the text is testable).</param>
    /// <param name="frameworkDescription">e.g. ".NET 10.0.0".</param>
    public static string BuildOptions(string processArchitecture, string frameworkDescription) =>
        "Build options :\n" +
        "  TARGET  = " + frameworkDescription + "\n" +
        "  CPU     = " + processArchitecture.ToLowerInvariant() + "\n" +
        "  CC      = " + Compiler + "\n" +
        "  CFLAGS  = " + BuildConfiguration + "\n" +
        "  OPTIONS = \n" +
        "\n" +
        "Default settings :\n" +
        "  maxconn = 2000, bufsize = 16384, maxrewrite = 8192, maxpollevents = 200\n" +
        "\n" +
        // No crypt(3) binding is built in yet: userlist passwords are compared in clear only.
        "Encrypted password support via crypt(3): no\n" +
        "\n" +
        Startup.PollerReport.Format(Cli.DisabledPollers.None) +
        "\n";

    /// <summary>The native binary (<c>PublishAot</c>) says so; the dll runs on the JIT.</summary>
    private const string Compiler =
#if NATIVE_AOT
        "roslyn (C#) + ILCompiler (Native AOT)";
#else
        "roslyn (C#)";
#endif

    private const string BuildConfiguration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}

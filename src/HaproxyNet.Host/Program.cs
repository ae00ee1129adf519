namespace HaproxyNet.Host;

/// <summary>Process entry point (1.4's <c>main</c> in haproxy.c).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Placeholder until the command line lands (host helper replaces this).
        _ = args;
        return 1;
    }
}

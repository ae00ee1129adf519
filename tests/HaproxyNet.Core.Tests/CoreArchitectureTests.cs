using HaproxyNet.Testing;

namespace HaproxyNet.Core.Tests;

/// <summary>Core takes time only from its TimeProvider and never touches sockets (STYLE.md "Where determinism lives").</summary>
public class CoreArchitectureTests
{
    private static readonly string[] Banned =
    [
        "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Stopwatch",
        "Environment.TickCount", "Task.Delay", "Thread.Sleep", "System.Threading.Timer", "new Socket(", "Sockets.Socket ", "TcpClient", "UdpClient",
    ];

    [Fact]
    public void CoreSources_NoWallClockTimersOrSockets()
    {
        var root = Path.Combine(TestDataPaths.RepoRoot, "src", "HaproxyNet.Core");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (var b in Banned)
            {
                if (text.Contains(b, StringComparison.Ordinal))
                {
                    offenders.Add($"{Path.GetRelativePath(root, file)}: {b}");
                }
            }
        }

        Assert.True(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Count() > 20);
        Assert.Empty(offenders);
    }
}

using HaproxyNet.Testing;

namespace HaproxyNet.LogDiff.Tests.Support;

/// <summary>The recorded 1.4.25 scenarios under testdata/golden and their files.</summary>
internal static class Goldens
{
    public static readonly string[] Names =
    [
        "cookie-persistence", "health-checks", "http-basic", "http-errors", "http-log-options", "lb-algorithms",
        "seed-fixed", "seed-incident", "slowstart-queue", "tcp-basic", "tcp-log-options",
    ];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static IReadOnlyList<string> Expected(string name) =>
        LogFile.ReadLines(Path.Combine(TestDataPaths.Golden(name), "expected.log"));

    /// <summary>raw-1.4.25.log: one datagram per line, as the harness stored them.</summary>
    public static IReadOnlyList<string> Raw(string name)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadAllText(Path.Combine(TestDataPaths.Golden(name), "raw-1.4.25.log")).Split('\n'))
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}

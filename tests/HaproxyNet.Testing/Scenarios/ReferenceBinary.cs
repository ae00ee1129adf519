namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// The genuine HAProxy 1.4.25 binary, the oracle: <c>HAPROXYNET_REF_BINARY</c>, else
/// <c>shared/ref/haproxy-1.4.25</c> in the folder that holds the repository or in one of its parents (CI keeps
/// <c>shared</c> beside the clone; a git worktree may sit deeper).
/// </summary>
public static class ReferenceBinary
{
    private static readonly Lazy<string?> PathLazy = new(Find);

    /// <summary>Full path of the binary, or null.</summary>
    public static string? Path => PathLazy.Value;

    /// <summary>Why tests that need the oracle cannot run here, or null when they can.</summary>
    public static string? Unavailable => PathLazy.Value is null
        ? "reference binary not found (set HAPROXYNET_REF_BINARY or keep ../shared/ref/haproxy-1.4.25 next to the repo)"
        : null;

    private static string? Find()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("HAPROXYNET_REF_BINARY") };
        for (var dir = new DirectoryInfo(TestDataPaths.RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            candidates.Add(System.IO.Path.Combine(dir.FullName, "shared", "ref", "haproxy-1.4.25"));
        }

        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}

namespace HaproxyNet.EndToEnd.Tests.Support;

/// <summary>Finds programs on PATH so tests that need them can skip cleanly when they are missing.</summary>
internal static class ExternalTools
{
    private static readonly Lazy<string?> Python3Lazy = new(() => FindOnPath("python3"));

    /// <summary>Full path of python3, or null.</summary>
    public static string? Python3 => Python3Lazy.Value;

    public static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

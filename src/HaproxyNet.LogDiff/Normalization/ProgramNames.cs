namespace HaproxyNet.LogDiff.Normalization;

/// <summary>Which syslog tags count as "the program" for a given command prefix.</summary>
/// <remarks>
/// HAProxy 1.4 tags its lines with the basename of argv[0] (<c>init</c> in haproxy.c) unless <c>log-tag</c> is set;
/// a port run as <c>dotnet path/haproxynet.dll</c> may use either word, with or without its extension.
/// </remarks>
public static class ProgramNames
{
    /// <summary>Basenames of the first and last word of <paramref name="commandPrefix"/>, with and without extension.</summary>
    public static IReadOnlyCollection<string> FromCommand(IReadOnlyList<string> commandPrefix)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (commandPrefix.Count == 0)
        {
            return names;
        }

        foreach (var word in new[] { commandPrefix[0], commandPrefix[^1] })
        {
            var baseName = word[(word.LastIndexOf('/') + 1)..];
            names.Add(baseName);
            names.Add(WithoutExtension(baseName));
        }

        return names;
    }

    // Like os.path.splitext: leading dots do not start an extension (".hidden" has none).
    private static string WithoutExtension(string baseName)
    {
        var dot = baseName.LastIndexOf('.');
        if (dot <= 0 || baseName[..dot].Trim('.').Length == 0)
        {
            return baseName;
        }

        return baseName[..dot];
    }
}

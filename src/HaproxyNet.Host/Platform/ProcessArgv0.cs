namespace HaproxyNet.Host.Platform;

/// <summary>argv[0] as the user typed it, which 1.4 prints in <c>[&lt;argv0&gt;.main()]</c> messages.</summary>
/// <remarks>
/// .NET only gives the entry assembly's full path. The words actually typed are in <c>/proc/self/cmdline</c>:
/// under <c>dotnet haproxynet.dll</c> the typed argv[0] of the program is the word naming the assembly;
/// under the apphost it is the first word.
/// </remarks>
public static class ProcessArgv0
{
    /// <summary>Picks the typed word for <paramref name="entryPath"/> from <paramref name="cmdline"/>.</summary>
    /// <param name="cmdline">The process's argument words (from <c>/proc/self/cmdline</c>), may be empty.</param>
    /// <param name="entryPath">Full path of the entry assembly (<c>Environment.GetCommandLineArgs()[0]</c>).</param>
    /// <param name="currentDirectory">To resolve relative words.</param>
    public static string Resolve(IReadOnlyList<string> cmdline, string entryPath, string currentDirectory)
    {
        if (cmdline.Count == 0)
        {
            return entryPath;
        }

        // dotnet [host options] path/to/haproxynet.dll args...: the word that names the entry assembly.
        if (entryPath.EndsWith(".dll", StringComparison.Ordinal))
        {
            for (var i = 1; i < cmdline.Count; i++)
            {
                if (cmdline[i].Length > 0 && SamePath(cmdline[i], entryPath, currentDirectory))
                {
                    return cmdline[i];
                }
            }
        }

        return cmdline[0];
    }

    /// <summary>Reads <c>/proc/self/cmdline</c> (NUL-separated), or nothing where it does not exist.</summary>
    public static IReadOnlyList<string> ReadProcCmdline()
    {
        try
        {
            var bytes = File.ReadAllBytes("/proc/self/cmdline");
            var words = new List<string>();
            var start = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == 0)
                {
                    words.Add(System.Text.Encoding.UTF8.GetString(bytes, start, i - start));
                    start = i + 1;
                }
            }

            return words;
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool SamePath(string word, string entryPath, string currentDirectory)
    {
        try
        {
            return string.Equals(Path.GetFullPath(word, currentDirectory), Path.GetFullPath(entryPath), StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

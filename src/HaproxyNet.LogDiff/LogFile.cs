namespace HaproxyNet.LogDiff;

/// <summary>Reads and writes normalized log files.</summary>
public static class LogFile
{
    /// <summary>The lines of a log file, without blank lines and <c>#</c> comment lines.</summary>
    public static IReadOnlyList<string> ReadLines(string path) => ParseLines(File.ReadAllText(path));

    /// <summary>Splits a log text like Python's <c>str.splitlines()</c>, dropping blank and <c>#</c> lines.</summary>
    public static IReadOnlyList<string> ParseLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !IsLineBreak(text[i]))
            {
                continue;
            }

            if (i == text.Length && start == text.Length)
            {
                break;
            }

            var line = text[start..i];
            if (!string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
            {
                lines.Add(line);
            }

            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return lines;
    }

    /// <summary>Writes lines with a trailing newline each.</summary>
    public static void WriteLines(string path, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(path, append: false);
        writer.NewLine = "\n";
        foreach (var line in lines)
        {
            writer.WriteLine(line);
        }
    }

    // The separators str.splitlines() honours.
    private static bool IsLineBreak(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}

using System.Text;

namespace HaproxyNet.Config.Tests.Acl;

/// <summary>
/// Test-only word splitter following CONFIG.md §1 (blank-separated words, unescaped '#' ends the line, backslash
/// escapes) so corpus lines reach the ACL parser as 1.4's readcfgfile would hand them over.
/// </summary>
internal static class CorpusLexer
{
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\r' or '\n' or '#')
            {
                break;
            }

            if (c is ' ' or '\t' or '\v' or '\f')
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\\' && i + 1 < line.Length)
            {
                var n = line[i + 1];
                switch (n)
                {
                    case ' ': current.Append(' '); i++; continue;
                    case '\\': current.Append('\\'); i++; continue;
                    case '#': current.Append('#'); i++; continue;
                    case 'r': current.Append('\r'); i++; continue;
                    case 'n': current.Append('\n'); i++; continue;
                    case 't': current.Append('\t'); i++; continue;
                    case 'x' when i + 3 < line.Length && Uri.IsHexDigit(line[i + 2]) && Uri.IsHexDigit(line[i + 3]):
                        current.Append((char)Convert.ToInt32(line.Substring(i + 2, 2), 16));
                        i += 3;
                        continue;
                }
            }

            current.Append(c);
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}

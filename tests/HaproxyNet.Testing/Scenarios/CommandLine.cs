using System.Text;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>Splits a command prefix such as <c>dotnet "my dir/haproxynet.dll"</c> into words the way a POSIX shell would (Python's <c>shlex.split</c>).</summary>
public static class CommandLine
{
    public static IReadOnlyList<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            switch (c)
            {
                case '\\' when i + 1 < command.Length:
                    word.Append(command[++i]);
                    break;
                case '\'':
                    var end = command.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        throw new ScenarioException("no closing quotation in: " + command);
                    }

                    word.Append(command, i + 1, end - i - 1);
                    i = end;
                    break;
                case '"':
                    i = ReadDoubleQuoted(command, i + 1, word);
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    // Inside double quotes a backslash only escapes \ " $ and `.
    private static int ReadDoubleQuoted(string command, int i, StringBuilder word)
    {
        for (; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < command.Length && command[i + 1] is '\\' or '"' or '$' or '`')
            {
                c = command[++i];
            }

            word.Append(c);
        }

        throw new ScenarioException("no closing quotation in: " + command);
    }
}

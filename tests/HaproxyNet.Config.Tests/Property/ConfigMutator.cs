using System.Text;

namespace HaproxyNet.Config.Tests.Property;

/// <summary>
/// Seeded edits of configuration bytes: delete/duplicate/swap lines, drop or change words, insert
/// garbage bytes or an over-long line, truncate, or splice in part of another file.
/// </summary>
/// <remarks>Same <see cref="Random"/> state and inputs give the same output, so a failing case replays.</remarks>
internal sealed class ConfigMutator
{
    // Words that steer the parser into different branches: keywords, section names, odd numbers and units,
    // address shapes, quoting and escaping characters, and an over-long token.
    private static readonly string[] Replacements =
    [
        "global", "defaults", "listen", "frontend", "backend", "userlist", "peers",
        "server", "bind", "mode", "tcp", "http", "health", "option", "no", "default", "timeout", "connect", "client",
        "server", "queue", "balance", "roundrobin", "leastconn", "source", "uri", "url_param", "hdr(host)", "rdp-cookie",
        "maxconn", "minconn", "fullconn", "maxqueue", "weight", "check", "inter", "rise", "fall", "backup", "slowstart",
        "cookie", "insert", "log", "global", "local0", "stats", "enable", "uri", "auth", "acl", "use_backend",
        "default_backend", "if", "unless", "!", "||", "{", "}", "errorfile", "503", "user", "group", "uid", "gid",
        "daemon", "quiet", "debug", "nbproc", "chroot", "pidfile", "redirect", "reqadd", "rspirep", "capture",
        "0", "1", "-1", "65535", "65536", "4294967296", "99999999999999999999", "1e3", "0x10", "10s", "10ms",
        "10us", "10d", "10q", "5m", "1h", "2147483648ms", "",
        "127.0.0.1", "127.0.0.1:", "127.0.0.1:80", "*:80", ":80", ":::80", "[::1]:80", "127.0.0.1:80-79",
        "127.0.0.1:1-65536", "localhost:80", "no-such-host:80", "0.0.0.0:0", "127.0.0.1:80,127.0.0.2:81",
        "\\", "\\\\", "\\x41", "\\xZZ", "\"", "'", "#", "\\#", "\\ ", "%", "$", "${HOME}", ";", "\t",
    ];

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _corpus;

    public ConfigMutator(Random random, IReadOnlyList<byte[]> corpus)
    {
        _random = random;
        _corpus = corpus;
    }

    /// <summary>Applies one edit of kind <paramref name="mutation"/> and returns the new bytes.</summary>
    public byte[] Apply(byte[] input, Mutation mutation)
    {
        var lines = SplitLines(input);
        switch (mutation)
        {
            case Mutation.DeleteLine:
                lines.RemoveAt(_random.Next(lines.Count));
                break;
            case Mutation.DuplicateLine:
                lines.Insert(_random.Next(lines.Count + 1), lines[_random.Next(lines.Count)]);
                break;
            case Mutation.SwapLines:
                var a = _random.Next(lines.Count);
                var b = _random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case Mutation.DropWord:
                EditWord(lines, replacement: null);
                break;
            case Mutation.ChangeWord:
                EditWord(lines, PickReplacement(lines));
                break;
            case Mutation.InsertGarbage:
                return InsertAt(input, RandomBytes(_random.Next(1, 65)));
            case Mutation.InsertLongLine:
                var longLine = new byte[_random.Next(1000, 4100)];
                _random.NextBytes(longLine);
                for (var i = 0; i < longLine.Length; i++)
                {
                    longLine[i] = longLine[i] is (byte)'\n' or 0 ? (byte)'x' : longLine[i];
                }

                lines.Insert(_random.Next(lines.Count + 1), longLine);
                break;
            case Mutation.Truncate:
                return input[.._random.Next(input.Length + 1)];
            case Mutation.SpliceOtherFile:
                var other = _corpus[_random.Next(_corpus.Count)];
                return [.. input[.._random.Next(input.Length + 1)], .. other[_random.Next(other.Length + 1)..]];
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }

        return JoinLines(lines);
    }

    /// <summary>Splits on LF, keeping every byte: joining the parts with LF gives the input back.</summary>
    public static List<byte[]> SplitLines(byte[] input)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == (byte)'\n')
            {
                lines.Add(input[start..i]);
                start = i + 1;
            }
        }

        lines.Add(input[start..]);
        return lines;
    }

    public static byte[] JoinLines(List<byte[]> lines)
    {
        using var output = new MemoryStream();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                output.WriteByte((byte)'\n');
            }

            output.Write(lines[i]);
        }

        return output.ToArray();
    }

    private byte[] PickReplacement(List<byte[]> lines)
    {
        // Half the time a word from this very file (right keyword, wrong place), else a crafted one.
        if (_random.Next(2) == 0)
        {
            var line = lines[_random.Next(lines.Count)];
            var words = WordSpans(line);
            if (words.Count > 0)
            {
                var (start, end) = words[_random.Next(words.Count)];
                return line[start..end];
            }
        }

        if (_random.Next(40) == 0)
        {
            return Encoding.ASCII.GetBytes(new string('a', _random.Next(100, 3000)));
        }

        return Encoding.Latin1.GetBytes(Replacements[_random.Next(Replacements.Length)]);
    }

    private void EditWord(List<byte[]> lines, byte[]? replacement)
    {
        // Try a few lines: blank lines have no word to edit.
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var index = _random.Next(lines.Count);
            var words = WordSpans(lines[index]);
            if (words.Count == 0)
            {
                continue;
            }

            var (start, end) = words[_random.Next(words.Count)];
            var line = lines[index];
            lines[index] = [.. line[..start], .. replacement ?? [], .. line[end..]];
            return;
        }
    }

    private static List<(int Start, int End)> WordSpans(byte[] line)
    {
        var spans = new List<(int, int)>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }

            var start = i;
            while (i < line.Length && line[i] is not ((byte)' ' or (byte)'\t'))
            {
                i++;
            }

            if (i > start)
            {
                spans.Add((start, i));
            }
        }

        return spans;
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);

        // Bias towards bytes with meaning to a line parser.
        ReadOnlySpan<byte> special = [0, (byte)'\r', (byte)'\n', (byte)'\t', (byte)' ', (byte)'#', (byte)'\\', (byte)'"', (byte)'\'', 0xFF, 0x80];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (_random.Next(3) == 0)
            {
                bytes[i] = special[_random.Next(special.Length)];
            }
        }

        return bytes;
    }

    private byte[] InsertAt(byte[] input, byte[] insert)
    {
        var at = _random.Next(input.Length + 1);
        return [.. input[..at], .. insert, .. input[at..]];
    }
}

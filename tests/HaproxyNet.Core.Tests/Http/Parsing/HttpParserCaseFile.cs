using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.Testing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

/// <summary>One table-driven parser case of <c>testdata/http-parser/*.md</c> (format: that folder's README).</summary>
public sealed record HttpParserCase(string File, string Name, string[] Meta, byte[] Data, string Expect)
{
    public bool IsRequest => !File.StartsWith("response", StringComparison.Ordinal);

    public bool Has(string flag) => Array.IndexOf(Meta, flag) >= 0;

    /// <summary>Value of a <c>key=value</c> meta token, or null.</summary>
    public string? Get(string key)
    {
        foreach (var m in Meta)
        {
            if (m.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return m[(key.Length + 1)..];
            }
        }

        return null;
    }

    public override string ToString() => File + ":" + Name;
}

/// <summary>What the reference binary did with a case (<c>*.oracle.tsv</c>, recorded by <c>oracle.py</c>).</summary>
public sealed record HttpOracleVerdict(string Verdict, string Snapshot, byte[] Forwarded);

/// <summary>Loads the case files and their recorded oracle verdicts.</summary>
public static partial class HttpParserCaseFile
{
    public static string Folder => Path.Combine(TestDataPaths.TestData, "http-parser");

    [GeneratedRegex(@"^### (\S+)\n<!-- (.*?) -->\n```http\n(.*?)```\n```expect\n(.*?)```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CaseRegex();

    public static IReadOnlyList<HttpParserCase> Load(string file)
    {
        var text = System.IO.File.ReadAllText(Path.Combine(Folder, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var list = new List<HttpParserCase>();
        foreach (Match m in CaseRegex().Matches(text))
        {
            list.Add(new HttpParserCase(file, m.Groups[1].Value, m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                Build(m.Groups[3].Value), m.Groups[4].Value.TrimEnd('\n')));
        }

        return list;
    }

    public static IReadOnlyDictionary<string, HttpOracleVerdict> LoadOracle(string file)
    {
        var d = new Dictionary<string, HttpOracleVerdict>();
        foreach (var line in System.IO.File.ReadAllLines(Path.Combine(Folder, file.Replace(".md", ".oracle.tsv", StringComparison.Ordinal))))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            d[f[0]] = new HttpOracleVerdict(f[1], f[2], Unescape(f.Length > 3 ? f[3] : ""));
        }

        return d;
    }

    private static byte[] Build(string body)
    {
        var data = new List<byte>();
        foreach (var line in body.Split('\n'))
        {
            if (line.StartsWith("@repeat ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 3);
                var chunk = Unescape(parts[2]);
                for (var i = int.Parse(parts[1], CultureInfo.InvariantCulture); i > 0; i--)
                {
                    data.AddRange(chunk);
                }
            }
            else if (line.Length > 0)
            {
                data.AddRange(Unescape(line));
            }
        }

        return [.. data];
    }

    /// <summary>C-style unescape: \r \n \t \\ \xHH; everything else as Latin-1.</summary>
    public static byte[] Unescape(string s)
    {
        var r = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c != '\\' || i + 1 == s.Length)
            {
                r.Add((byte)c);
                continue;
            }

            c = s[++i];
            switch (c)
            {
                case 'r': r.Add(13); break;
                case 'n': r.Add(10); break;
                case 't': r.Add(9); break;
                case '0': r.Add(0); break;
                case 'x':
                    r.Add(byte.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: r.Add((byte)c); break;
            }
        }

        return [.. r];
    }

    public static string Escape(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder(b.Length);
        foreach (var c in b)
        {
            switch (c)
            {
                case (byte)'\\': sb.Append(@"\\"); break;
                case 13: sb.Append(@"\r"); break;
                case 10: sb.Append(@"\n"); break;
                case 9: sb.Append(@"\t"); break;
                default:
                    if (c is >= 32 and < 127)
                    {
                        sb.Append((char)c);
                    }
                    else
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{c:x2}");
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.EndToEnd.Tests.Differential;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Http;

namespace HaproxyNet.EndToEnd.Tests.Hostile;

/// <summary>One row of <c>testdata/smuggling/cases.tsv</c>: a hostile or ambiguous request and what is expected of HaproxyNet.</summary>
internal sealed partial record SmugglingCase(string Id, string Config, string Frontend, bool ExpectSame, byte[] Payload, string Escaped, string Modern, string Note)
{
    public static string Folder => Path.Combine(TestDataPaths.TestData, "smuggling");

    /// <summary>The rows of cases.tsv, in file order.</summary>
    public static IReadOnlyList<SmugglingCase> Load()
    {
        var list = new List<SmugglingCase>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "cases.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 6)
            {
                throw new FormatException("cases.tsv: fewer than 6 columns: " + line);
            }

            if (f[3] is not ("same" or "gap"))
            {
                throw new FormatException("cases.tsv: expect must be same or gap: " + line);
            }

            list.Add(new SmugglingCase(f[0], f[1], f[2], f[3] == "same", Decode(f[4]), f[4], f[5], f.Length > 6 ? f[6] : string.Empty));
        }

        return list;
    }

    /// <summary>The config template <c>configs/&lt;name&gt;.cfg</c>.</summary>
    public static string ConfigTemplate(string name) => File.ReadAllText(Path.Combine(Folder, "configs", name + ".cfg"));

    /// <summary>The placeholder of the frontend's port in the configs (the differential runner's three frontends).</summary>
    public string FrontendPort => Frontend switch
    {
        "tunnel" => "FE_PORT",
        "server-close" => "FE2_PORT",
        "httpclose" => "FE3_PORT",
        _ => throw new FormatException("cases.tsv: unknown frontend " + Frontend),
    };

    /// <summary>The differential runner's view of this row.</summary>
    public DifferentialCase ToDifferential(int index) => new(index, FrontendPort, new GeneratedRequest(0, index, Payload, Id));

    /// <summary>C escapes (<c>\r \n \t \xHH \\</c>) after expanding <c>{{N*text}}</c> into N copies of text.</summary>
    public static byte[] Decode(string escaped)
    {
        var expanded = Repeat().Replace(escaped, m =>
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var sb = new StringBuilder(m.Groups[2].Length * n);
            for (var i = 0; i < n; i++)
            {
                sb.Append(m.Groups[2].Value);
            }

            return sb.ToString();
        });
        var bytes = new List<byte>(expanded.Length);
        for (var i = 0; i < expanded.Length; i++)
        {
            var c = expanded[i];
            if (c != '\\' || i + 1 == expanded.Length)
            {
                bytes.Add(checked((byte)c));
                continue;
            }

            var e = expanded[++i];
            switch (e)
            {
                case 'r': bytes.Add((byte)'\r'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case 'x':
                    bytes.Add(byte.Parse(expanded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                default: throw new FormatException("cases.tsv: unknown escape \\" + e);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"\{\{(\d+)\*(.*?)\}\}")]
    private static partial Regex Repeat();
}

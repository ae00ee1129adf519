using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HaproxyNet.Simulation;

/// <summary>
/// What-if edits on a configuration's text before the real parser reads it: <c>${NAME}</c> placeholders (the
/// golden templates' ports) and <c>--set</c> changes, so that every derived value (fullconn default, queue timeout
/// fallback, minconn normalisation) comes from the production config code, not from patched runtime objects.
/// </summary>
public static partial class ConfigText
{
    private static readonly HashSet<string> SectionKeywords = new(StringComparer.Ordinal)
    {
        "global", "defaults", "frontend", "backend", "listen", "userlist", "peers",
    };

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderRegex();

    /// <summary>
    /// Replaces <c>${NAME}</c> with <paramref name="defines"/>; a name left over that ends in <c>PORT</c> gets a
    /// free simulated port (frontends from 10001, others from 20001, in order of first use), any other is an error.
    /// </summary>
    public static string ExpandPlaceholders(string text, IReadOnlyDictionary<string, string> defines, out List<string> errors)
    {
        var assigned = new Dictionary<string, string>(defines, StringComparer.Ordinal);
        var nextFe = 10001;
        var nextOther = 20001;
        var problems = new List<string>();
        var result = PlaceholderRegex().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            if (assigned.TryGetValue(name, out var value))
            {
                return value;
            }

            if (!name.EndsWith("PORT", StringComparison.Ordinal))
            {
                problems.Add("no value for ${" + name + "} (use --define " + name + "=VALUE)");
                return m.Value;
            }

            value = (name.StartsWith("FE", StringComparison.Ordinal) ? nextFe++ : nextOther++).ToString(CultureInfo.InvariantCulture);
            assigned[name] = value;
            return value;
        });
        errors = problems;
        return result;
    }

    /// <summary>
    /// Applies one <c>--set</c>: <c>proxy/server key=value</c> appends <c>key value</c> to that server's line (a later
    /// keyword wins in 1.4's server parser); <c>proxy key=value</c> adds <c>key value</c> as the last line of that
    /// section (e.g. <c>"rmi_registry/rmi1 minconn=10"</c>, <c>"rmi_registry fullconn=8"</c>,
    /// <c>"rmi_registry timeout queue=30s"</c>). Returns false with a reason when the target is not found.
    /// </summary>
    public static bool TryApplySet(ref string text, string set, out string error)
    {
        error = string.Empty;
        var space = set.IndexOf(' ', StringComparison.Ordinal);
        var eq = set.LastIndexOf('=');
        if (space <= 0 || eq <= space)
        {
            error = "--set expects 'proxy[/server] key=value', got '" + set + "'";
            return false;
        }

        var target = set[..space];
        var key = set[(space + 1)..eq].Trim();
        var value = set[(eq + 1)..].Trim();
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var proxy = slash < 0 ? target : target[..slash];
        var server = slash < 0 ? null : target[(slash + 1)..];

        var lines = text.Split('\n');
        var (start, end) = FindSection(lines, proxy);
        if (start < 0)
        {
            error = "no frontend/backend/listen section named '" + proxy + "'";
            return false;
        }

        if (server is null)
        {
            var list = new List<string>(lines);
            var indent = "    ";
            list.Insert(end, indent + key + " " + value);
            text = string.Join('\n', list);
            return true;
        }

        for (var i = start + 1; i < end; i++)
        {
            var words = Words(lines[i]);
            if (words.Length >= 2 && words[0] == "server" && words[1] == server)
            {
                var comment = lines[i].IndexOf('#', StringComparison.Ordinal);
                lines[i] = comment < 0
                    ? lines[i].TrimEnd() + " " + key + " " + value
                    : lines[i][..comment].TrimEnd() + " " + key + " " + value + " " + lines[i][comment..];
                text = string.Join('\n', lines);
                return true;
            }
        }

        error = "no server '" + server + "' in section '" + proxy + "'";
        return false;
    }

    /// <summary>Header line index and the index after its last line (blank lines at the end excluded), or (-1, -1).</summary>
    private static (int Start, int End) FindSection(string[] lines, string name)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var words = Words(lines[i]);
            if (words.Length >= 2 && words[0] is "frontend" or "backend" or "listen" && words[1] == name)
            {
                var end = i + 1;
                while (end < lines.Length && !IsSectionHeader(lines[end]))
                {
                    end++;
                }

                while (end > i + 1 && Words(lines[end - 1]).Length == 0)
                {
                    end--;
                }

                return (i, end);
            }
        }

        return (-1, -1);
    }

    private static bool IsSectionHeader(string line)
    {
        var words = Words(line);
        return words.Length > 0 && SectionKeywords.Contains(words[0]);
    }

    private static string[] Words(string line)
    {
        var comment = line.IndexOf('#', StringComparison.Ordinal);
        var body = comment < 0 ? line : line[..comment];
        return body.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Latin-1 bytes, as 1.4 reads configuration files (bytes, not text).</summary>
    public static byte[] ToBytes(string text) => Encoding.Latin1.GetBytes(text);
}

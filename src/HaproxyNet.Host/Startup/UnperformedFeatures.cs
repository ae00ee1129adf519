using System.Text;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Host.Startup;

/// <summary>
/// One configured feature that the parser accepts (with 1.4's verdict) but the engine does not perform yet.
/// </summary>
/// <param name="Name">How the warning names it: the configuration keyword(s) an operator would grep for.</param>
/// <param name="Example">
/// Lines that trigger this row and no other (besides <c>mode http</c> when <paramref name="HttpOnly"/>): put in a
/// <c>listen</c> section for a proxy row, in <c>global</c> for a global row. The tests load each one.
/// </param>
/// <param name="InProxy">Whether a proxy section configures it; null for a global row.</param>
/// <param name="InGlobal">Whether the global section configures it; null for a proxy row.</param>
/// <param name="HttpOnly">
/// Only reported for <c>mode http</c> proxies: in other modes 1.4 ignores it too (and its <c>-c</c> says so).
/// </param>
internal sealed record UnperformedFeature(
    string Name,
    string Example,
    Func<ProxySection, bool>? InProxy = null,
    Func<GlobalSection, bool>? InGlobal = null,
    bool HttpOnly = false);

/// <summary>
/// The one list of what HaproxyNet accepts in a configuration and does not do yet; <c>haproxynet</c> names every
/// row a configuration uses in one <c>[WARNING]</c> at start (never under <c>-c</c>, whose output stays 1.4's).
/// </summary>
/// <remarks>
/// Delete a row in the commit that makes its feature work: the tests (<c>UnperformedFeaturesTests</c>) load every
/// row's <see cref="UnperformedFeature.Example"/> and expect exactly that row's name, so a missing example fails
/// them, and they load the configurations of the features performed since (the last two: <c>mode health</c> and
/// <c>http-send-name-header</c>) and expect no row, so a stale row fails them. Every setting 1.4.25 accepts is
/// performed today: the table is empty, the mechanism stays (tested with a table of its own) for what comes next.
/// </remarks>
internal static class UnperformedFeatures
{
    public static readonly IReadOnlyList<UnperformedFeature> Table = [];

    /// <summary>The rows of <see cref="Table"/> that <paramref name="config"/> uses.</summary>
    public static IReadOnlyList<(UnperformedFeature Row, IReadOnlyList<string> Places)> Detect(ConfigDocument config) =>
        Detect(config, Table);

    /// <summary>The rows <paramref name="config"/> uses, each with where: <c>global</c>, <c>frontend 'www'</c>...</summary>
    public static IReadOnlyList<(UnperformedFeature Row, IReadOnlyList<string> Places)> Detect(
        ConfigDocument config, IReadOnlyList<UnperformedFeature> table)
    {
        var found = new List<(UnperformedFeature, IReadOnlyList<string>)>();
        foreach (var row in table)
        {
            var places = new List<string>();
            if (row.InGlobal is { } inGlobal && inGlobal(config.Global))
            {
                places.Add("global");
            }

            if (row.InProxy is { } inProxy)
            {
                foreach (var p in config.Proxies)
                {
                    if (!p.Disabled && (!row.HttpOnly || p.Mode == ProxyMode.Http) && inProxy(p))
                    {
                        places.Add(ProxyType(p.Capabilities) + " '" + p.Name + "'");
                    }
                }
            }

            if (places.Count > 0)
            {
                found.Add((row, places));
            }
        }

        return found;
    }

    /// <summary>
    /// The start-up warning's text (with its newline) for <paramref name="config"/>, or null when every configured
    /// feature is performed: <c>HaproxyNet accepts but does not perform yet: 'mode http' (frontend 'www'); ...</c>.
    /// </summary>
    public static string? Describe(ConfigDocument config) => Describe(config, Table);

    /// <summary>The warning's text for the rows of <paramref name="table"/> that <paramref name="config"/> uses.</summary>
    public static string? Describe(ConfigDocument config, IReadOnlyList<UnperformedFeature> table)
    {
        var found = Detect(config, table);
        if (found.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("HaproxyNet accepts but does not perform yet: ");
        for (var i = 0; i < found.Count; i++)
        {
            var (row, places) = found[i];
            sb.Append(i == 0 ? "'" : "; '").Append(row.Name).Append("' (").Append(string.Join(", ", places)).Append(')');
        }

        return sb.Append(". These settings are ignored.\n").ToString();
    }

    /// <summary>1.4's <c>proxy_type_str</c>: frontend, backend, else proxy (a listen section).</summary>
    private static string ProxyType(ProxyCapabilities cap) =>
        (cap & (ProxyCapabilities.Frontend | ProxyCapabilities.Backend)) switch
        {
            ProxyCapabilities.Frontend => "frontend",
            ProxyCapabilities.Backend => "backend",
            _ => "proxy",
        };
}

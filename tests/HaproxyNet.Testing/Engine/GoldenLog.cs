using System.Globalization;
using System.Text.RegularExpressions;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// Normalises captured messages like the shared log-compare harness (<c>shared/logcompare/README.md</c>) and compares
/// them with a recorded <c>expected.log</c>: timers within max(100 ms, 20 %), every other field exact.
/// </summary>
public static partial class GoldenLog
{
    /// <summary>
    /// <c>&lt;PRI&gt;SYSLOG_DATE PROGNAME[PID]: message</c> per entry, client <c>ip:port</c> as <c>ip:cN</c>, accept dates as
    /// <c>[ACCEPT_DATE]</c>, placeholder ports as <c>:&lt;NAME&gt;</c>; runs of session lines stable-sorted by client id.
    /// </summary>
    public static IReadOnlyList<string> Normalize(CapturingLogSink sink, SimNetwork net, IReadOnlyDictionary<int, string> portNames)
    {
        var lines = new List<(string Text, int Client)>();
        foreach (var (pri, message) in sink.Entries)
        {
            var text = message.TrimEnd('\n');
            var client = -1;
            text = ClientAddress().Replace(text, m =>
            {
                var port = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var c = net.ClientByPort(port);
                if (c is null)
                {
                    return m.Value;
                }

                client = c.Id;
                return $"{m.Groups[1].Value}:c{c.Id}";
            }, 1);
            text = AcceptDate().Replace(text, "[ACCEPT_DATE]");
            foreach (var (port, name) in portNames)
            {
                text = text.Replace(":" + port.ToString(CultureInfo.InvariantCulture), ":<" + name + ">", StringComparison.Ordinal);
            }

            lines.Add(($"<{pri}>SYSLOG_DATE PROGNAME[PID]: {text}", client));
        }

        // Stable sort of consecutive session lines by client id.
        var result = new List<string>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Client < 0)
            {
                result.Add(lines[i].Text);
                i++;
                continue;
            }

            var j = i;
            while (j < lines.Count && lines[j].Client >= 0)
            {
                j++;
            }

            var run = lines.GetRange(i, j - i);
            var sorted = run.Select((l, k) => (l, k)).OrderBy(x => x.l.Client).ThenBy(x => x.k).Select(x => x.l.Text);
            result.AddRange(sorted);
            i = j;
        }

        return result;
    }

    /// <summary>Reads a recorded expected.log (one line per datagram).</summary>
    public static IReadOnlyList<string> ReadExpected(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).ToList();

    /// <summary>Differences between expected and actual, empty when they agree under the harness rules.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var diffs = new List<string>();
        var n = Math.Max(expected.Count, actual.Count);
        for (var i = 0; i < n; i++)
        {
            var e = i < expected.Count ? expected[i] : "<missing>";
            var a = i < actual.Count ? actual[i] : "<missing>";
            if (!LineEquals(e, a))
            {
                diffs.Add($"line {i + 1}:\n  expected: {e}\n  actual:   {a}");
            }
        }

        return diffs;
    }

    /// <summary>Field by field; the timer field (5th word of a session line) within tolerance.</summary>
    public static bool LineEquals(string expected, string actual)
    {
        var e = expected.Split(' ');
        var a = actual.Split(' ');
        if (e.Length != a.Length)
        {
            return false;
        }

        var isSession = e.Length > 8 && e[3] == "[ACCEPT_DATE]";
        for (var k = 0; k < e.Length; k++)
        {
            if (isSession && k == 6)
            {
                if (!TimersEqual(e[k], a[k]))
                {
                    return false;
                }
            }
            else if (e[k] != a[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool TimersEqual(string expected, string actual)
    {
        var e = expected.Split('/');
        var a = actual.Split('/');
        if (e.Length != a.Length)
        {
            return false;
        }

        for (var i = 0; i < e.Length; i++)
        {
            var ep = e[i].StartsWith('+');
            var ap = a[i].StartsWith('+');
            if (ep != ap)
            {
                return false;
            }

            var ev = long.Parse(e[i].TrimStart('+'), CultureInfo.InvariantCulture);
            var av = long.Parse(a[i].TrimStart('+'), CultureInfo.InvariantCulture);
            if (ev == -1 || av == -1)
            {
                if (ev != av)
                {
                    return false;
                }

                continue;
            }

            var tol = Math.Max(100, Math.Abs(ev) / 5);
            if (Math.Abs(ev - av) > tol)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^((?:Connect from )?\d+\.\d+\.\d+\.\d+):(\d+)")]
    private static partial Regex ClientAddressPattern();

    private static Regex ClientAddress() => ClientAddressPattern();

    [GeneratedRegex(@"\[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}\.\d{3}\]")]
    private static partial Regex AcceptDate();
}

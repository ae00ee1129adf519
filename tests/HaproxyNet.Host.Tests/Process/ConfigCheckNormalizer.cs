using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HaproxyNet.Host.Tests.Process;

/// <summary>
/// The shared harness's config-check normalisation (logcompare.py <c>run_configcheck</c>), so a process
/// test compares exactly what <c>logcompare configcheck</c> compares.
/// </summary>
internal static partial class ConfigCheckNormalizer
{
    /// <summary><c>exit: N\n--- stdout\n...--- stderr\n...</c> with the message prefixes normalised.</summary>
    public static string Format(ProcessOutcome outcome)
    {
        var code = outcome.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "timeout";
        return "exit: " + code + "\n--- stdout\n" + Normalize(outcome.Stdout, outcome) + "--- stderr\n" + Normalize(outcome.Stderr, outcome);
    }

    /// <summary>Replaces day, time and pid in every <c>[ALERT]</c>/<c>[WARNING]</c> prefix.</summary>
    public static string Normalize(byte[] bytes, ProcessOutcome outcome) =>
        PrefixRegex().Replace(DecodeBackslashReplace(bytes), m =>
        {
            var day = outcome.DaysOfYear.Contains(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) ? "DDD" : "BAD_DAY(" + m.Groups[2].Value + ")";
            var pid = m.Groups[4].Value == outcome.Pid.ToString(CultureInfo.InvariantCulture) ? "PID" : "OTHER_PID(" + m.Groups[4].Value + ")";
            return "[" + m.Groups[1].Value + "] " + day + "/HHMMSS (" + pid + ") : ";
        });

    /// <summary>Python's <c>bytes.decode("utf-8", "backslashreplace")</c>: invalid bytes become <c>\xNN</c>.</summary>
    public static string DecodeBackslashReplace(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        var span = bytes.AsSpan();
        while (!span.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(span, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                sb.Append(rune.ToString());
            }
            else
            {
                for (var i = 0; i < consumed; i++)
                {
                    sb.Append("\\x").Append(span[i].ToString("x2", CultureInfo.InvariantCulture));
                }
            }

            span = span[consumed..];
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^\[(ALERT|WARNING)\] (\d{3})/(\d{6}) \((\d+)\) : ", RegexOptions.Multiline)]
    private static partial Regex PrefixRegex();
}

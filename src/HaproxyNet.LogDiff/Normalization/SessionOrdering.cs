using System.Globalization;
using System.Text.RegularExpressions;

namespace HaproxyNet.LogDiff.Normalization;

/// <summary>Puts concurrent session lines into client order so two runs can be compared line by line.</summary>
/// <remarks>
/// HAProxy logs a session when it ends (<c>session_free</c> → <c>sess_log</c>), so sessions ending at nearly the
/// same moment can be logged in either order. Each run of consecutive session lines (tcplog, httplog,
/// <c>Connect from</c>) is stable-sorted by client id; any other line is a barrier and stays in place, and the
/// lines of one keep-alive connection keep their order (same id, stable sort). Lines from an unknown client
/// (<c>:CPORT</c>) sort after the known ones.
/// </remarks>
public static partial class SessionOrdering
{
    private const int UnknownClient = 1 << 30;

    [GeneratedRegex(@"\]: (?:Connect from )?[0-9a-fA-F.:]+:c(\d+)[ ]")]
    private static partial Regex ClientIdRegex();

    /// <summary>The reordered lines; event lines keep their positions.</summary>
    public static IReadOnlyList<string> Order(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        var block = new List<(int ClientId, int Position, string Line)>();
        foreach (var line in lines)
        {
            if (TryGetClientId(line, out var clientId))
            {
                block.Add((clientId, block.Count, line));
                continue;
            }

            Flush(block, result);
            result.Add(line);
        }

        Flush(block, result);
        return result;
    }

    /// <summary>The client id of a normalized session line (<see cref="UnknownClient"/> for <c>ip:CPORT</c>); false for other lines.</summary>
    public static bool TryGetClientId(string line, out int clientId)
    {
        var match = ClientIdRegex().Match(line);
        if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out clientId))
        {
            return true;
        }

        clientId = UnknownClient;
        return line.Contains(":CPORT ", StringComparison.Ordinal);
    }

    private static void Flush(List<(int ClientId, int Position, string Line)> block, List<string> result)
    {
        // List.Sort is not stable: the position breaks ties.
        block.Sort(static (x, y) => x.ClientId != y.ClientId ? x.ClientId.CompareTo(y.ClientId) : x.Position.CompareTo(y.Position));
        foreach (var entry in block)
        {
            result.Add(entry.Line);
        }

        block.Clear();
    }
}

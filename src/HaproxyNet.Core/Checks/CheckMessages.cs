using System.Globalization;
using System.Text;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Checks;

/// <summary>The texts of the server state lines (1.4's <c>server_status_printf</c> and <c>chunk_asciiencode</c>).</summary>
/// <remarks>Built only when a line is emitted (a state change or a logged check), never per request.</remarks>
public static class CheckMessages
{
    /// <summary>
    /// server_status_printf: <c> via px/srv</c> for a tracker; with <paramref name="withCheck"/> the reason, code,
    /// info and duration of the last check; with <paramref name="xferred"/> &gt;= 0 the server counts (online form
    /// for a running server, left form otherwise).
    /// </summary>
    public static void AppendStatus(StringBuilder msg, Server s, bool withCheck, int xferred)
    {
        if (s.Tracked is { } t)
        {
            msg.Append(" via ").Append(t.Proxy.Name).Append('/').Append(t.Name);
        }

        if (withCheck)
        {
            msg.Append(", reason: ").Append(CheckStatuses.Description(s.CheckStatus));
            if (CheckStatuses.HasCode(s.CheckStatus))
            {
                msg.Append(", code: ").Append(s.CheckCode.ToString(CultureInfo.InvariantCulture));
            }

            if (s.CheckDesc.Length > 0)
            {
                msg.Append(", info: \"");
                AsciiEncode(msg, s.CheckDesc, '"');
                msg.Append('"');
            }

            if (s.CheckDuration >= 0)
            {
                msg.Append(", check duration: ").Append(s.CheckDuration.ToString(CultureInfo.InvariantCulture)).Append("ms");
            }
        }

        if (xferred < 0)
        {
            return;
        }

        var lb = s.Proxy.Lb;
        var act = lb?.SrvAct ?? 0;
        var bck = lb?.SrvBck ?? 0;
        var onBackup = bck != 0 && act == 0 ? " Running on backup." : string.Empty;
        var inv = CultureInfo.InvariantCulture;
        if (s.IsRunning)
        {
            msg.Append(inv, $". {act} active and {bck} backup servers online.{onBackup} {xferred} sessions requeued, {s.NbPend} total in queue");
        }
        else
        {
            msg.Append(inv, $". {act} active and {bck} backup servers left.{onBackup} {s.CurSess} sessions active, {xferred} requeued, {s.NbPend} remaining in queue");
        }
    }

    /// <summary>
    /// chunk_asciiencode: characters outside printable ASCII, <c>&lt;</c>, <c>&gt;</c> and <paramref name="quote"/>
    /// are written <c>&lt;XX&gt;</c> in uppercase hex (the description holds bytes as Latin-1 characters).
    /// </summary>
    public static void AsciiEncode(StringBuilder msg, string text, char quote)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || c >= 0x7f || c == '<' || c == '>' || c == quote)
            {
                msg.Append('<').Append(((int)c & 0xff).ToString("X2", CultureInfo.InvariantCulture)).Append('>');
            }
            else
            {
                msg.Append(c);
            }
        }
    }
}

namespace HaproxyNet.LogDiff.Parsing;

/// <summary>Field names of a parsed log line, as printed in difference reports.</summary>
/// <remarks>They follow the field names of the HAProxy 1.4 configuration manual, section 8.2 (log formats).</remarks>
public static class LogFieldNames
{
    public const string SyslogPri = "syslog_pri";
    public const string SyslogDate = "syslog_date";
    public const string Tag = "tag";
    public const string Pid = "pid";
    public const string Text = "text";
    public const string CheckDuration = "check_duration";
    public const string Client = "client";
    public const string AcceptDate = "accept_date";
    public const string Frontend = "frontend";
    public const string Backend = "backend";
    public const string Server = "server";
    public const string Tq = "Tq";
    public const string Tw = "Tw";
    public const string Tc = "Tc";
    public const string Tr = "Tr";
    public const string Tt = "Tt";
    public const string Status = "status";
    public const string BytesRead = "bytes_read";
    public const string CapturedRequestCookie = "captured_request_cookie";
    public const string CapturedResponseCookie = "captured_response_cookie";
    public const string TerminationState = "termination_state";
    public const string ActConn = "actconn";
    public const string FeConn = "feconn";
    public const string BeConn = "beconn";
    public const string SrvConn = "srv_conn";
    public const string Retries = "retries";
    public const string SrvQueue = "srv_queue";
    public const string BackendQueue = "backend_queue";
    public const string CapturedHeaders = "captured_headers";
    public const string Request = "request";

    /// <summary>True for the fields compared with a tolerance rather than exactly.</summary>
    public static bool IsTimer(string name) => name is Tq or Tw or Tc or Tr or Tt or CheckDuration;
}

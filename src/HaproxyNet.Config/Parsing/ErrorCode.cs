namespace HaproxyNet.Config.Parsing;

/// <summary>1.4's ERR_* bits accumulated by every parsing and checking step.</summary>
[Flags]
internal enum ErrorCode
{
    None = 0,
    Retryable = 1,
    Fatal = 2,
    Abort = 4,
    Warn = 8,
    Alert = 16,

    /// <summary><c>return -1</c> from a section parser: every bit set (the "Could not open" quirk).</summary>
    All = -1,
}

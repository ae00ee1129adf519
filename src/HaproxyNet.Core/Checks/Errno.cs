using System.Runtime.InteropServices;

namespace HaproxyNet.Core.Checks;

/// <summary>glibc's <c>strerror</c> texts for the errors a check socket reports (logged as the check's info).</summary>
public static class Errno
{
    /// <summary>ECONNREFUSED.</summary>
    public const int ConnRefused = 111;

    /// <summary>ENETUNREACH.</summary>
    public const int NetUnreach = 101;

    /// <summary>The strerror text of <paramref name="errno"/>.</summary>
    public static string Text(int errno) => errno switch
    {
        13 => "Permission denied",
        24 => "Too many open files",
        32 => "Broken pipe",
        98 => "Address already in use",
        99 => "Cannot assign requested address",
        NetUnreach => "Network is unreachable",
        104 => "Connection reset by peer",
        110 => "Connection timed out",
        ConnRefused => "Connection refused",
        113 => "No route to host",
        _ => Marshal.GetPInvokeErrorMessage(errno),
    };
}

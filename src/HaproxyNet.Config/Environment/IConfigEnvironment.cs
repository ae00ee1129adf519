using System.Net;

namespace HaproxyNet.Config.Environment;

/// <summary>
/// The host lookups 1.4 makes while reading a configuration: user and group names, files named by
/// <c>errorfile</c> / ACL <c>-f</c>, and host name resolution (gethostbyname, IPv4 only, at parse time).
/// </summary>
/// <remarks>Tests fix the environment through this seam (corpus verdicts were recorded on two hosts).</remarks>
public interface IConfigEnvironment
{
    /// <summary>getpwnam: the uid of <paramref name="name"/>, or false when no such user exists.</summary>
    bool TryGetUserId(string name, out int uid);

    /// <summary>getgrnam: the gid of <paramref name="name"/>, or false when no such group exists.</summary>
    bool TryGetGroupId(string name, out int gid);

    /// <summary>Reads a whole file (errorfile, ACL pattern file). Returns false with the strerror text on failure.</summary>
    bool TryReadFile(string path, out byte[] content, out string error);

    /// <summary>Opens a configuration file. Returns null with the strerror text (e.g. "No such file or directory").</summary>
    Stream? OpenConfigFile(string path, out string error);

    /// <summary>gethostbyname: first IPv4 address of <paramref name="name"/>, or false when it does not resolve.</summary>
    bool TryResolveHost(string name, out IPAddress address);
}

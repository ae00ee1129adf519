using HaproxyNet.Core.Http.Rules;

namespace HaproxyNet.Core;

/// <summary>Userlists (<c>http_auth</c>, <c>http-request auth</c>) and the crypt(3) seam.</summary>
public sealed partial class EngineLoop
{
    /// <summary>The configuration's userlists by name.</summary>
    public Dictionary<string, UserListRt> UserLists { get; } = new(StringComparer.Ordinal);

    /// <summary>crypt(3) for <c>password</c> users; null = such users never authenticate (set by the host).</summary>
    public IPasswordCrypt? PasswordCrypt { get; set; }
}

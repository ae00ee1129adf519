namespace HaproxyNet.Config.Acl;

/// <summary>Which member of <see cref="AclPattern"/> carries the parsed value.</summary>
public enum AclPatternKind
{
    /// <summary>A word accepted by <c>acl_parse_nothing</c>; carries nothing.</summary>
    None,

    /// <summary><see cref="AclPattern.Range"/>: integers, lengths and dotted versions.</summary>
    IntegerRange,

    /// <summary><see cref="AclPattern.Network"/>.</summary>
    Ipv4Network,

    /// <summary><see cref="AclPattern.Text"/> / <see cref="AclPattern.Bytes"/>.</summary>
    String,

    /// <summary><see cref="AclPattern.Regex"/>.</summary>
    Regex,

    /// <summary><see cref="AclPattern.Method"/>, plus <see cref="AclPattern.Text"/> for non-standard methods.</summary>
    Method,

    /// <summary><see cref="AclPattern.Text"/>: space-joined group names of <c>http_auth_group</c>.</summary>
    GroupNames,
}

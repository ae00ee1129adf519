namespace HaproxyNet.Config.Acl;

/// <summary>How a fetched value is compared to the patterns (1.4's <c>acl_match_*</c> function of the keyword).</summary>
public enum AclMatchKind
{
    /// <summary><c>acl_match_nothing</c>: the fetch decides the result itself (boolean criteria).</summary>
    Nothing,

    /// <summary><c>acl_match_str</c>: exact string, equal length required.</summary>
    String,

    /// <summary><c>acl_match_beg</c>: the value starts with the pattern.</summary>
    Begin,

    /// <summary><c>acl_match_end</c>: the value ends with the pattern.</summary>
    End,

    /// <summary><c>acl_match_sub</c>: the value contains the pattern.</summary>
    Substring,

    /// <summary><c>acl_match_dir</c>: the pattern is a whole component of the value, delimited by '/' or '?'.</summary>
    Directory,

    /// <summary><c>acl_match_dom</c>: the pattern is a whole part of the value, delimited by '/', '?', '.' or ':'.</summary>
    Domain,

    /// <summary><c>acl_match_reg</c>: unanchored POSIX regex search.</summary>
    Regex,

    /// <summary><c>acl_match_int</c>: the integer value lies in the pattern's range.</summary>
    Integer,

    /// <summary><c>acl_match_len</c>: the value's length lies in the pattern's range.</summary>
    Length,

    /// <summary><c>acl_match_ip</c>: the IPv4 value lies in the pattern's network (IPv6 never matches).</summary>
    Ip,

    /// <summary><c>acl_match_meth</c>: method identity, string comparison for non-standard methods.</summary>
    Method,

    /// <summary><c>acl_match_auth</c>: credentials checked against a userlist (and groups). Evaluated by the engine.</summary>
    Auth,
}

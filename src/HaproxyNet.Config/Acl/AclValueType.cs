namespace HaproxyNet.Config.Acl;

/// <summary>How the values written after a criterion are parsed (1.4's <c>acl_parse_*</c> function of the keyword).</summary>
public enum AclValueType
{
    /// <summary><c>acl_parse_nothing</c>: each word is accepted and ignored (always_true, srv_is_up, http_auth...).</summary>
    None,

    /// <summary><c>acl_parse_int</c>: <c>N</c>, <c>N:M</c>, <c>N-M</c> with optional <c>eq/ge/gt/le/lt</c> operator words.</summary>
    Integer,

    /// <summary><c>acl_parse_dotted_ver</c>: <c>X[.Y]</c> versions compared as <c>X*65536+Y</c>, ranges and operators as integers.</summary>
    DottedVersion,

    /// <summary><c>acl_parse_ip</c>: <c>addr[/mask]</c>, dotted or CIDR mask, or a host name resolved at parse time.</summary>
    Ip,

    /// <summary><c>acl_parse_str</c> / <c>acl_parse_ver</c>: one string per word, taken verbatim.</summary>
    String,

    /// <summary><c>acl_parse_reg</c>: one POSIX extended regex per word (see <see cref="PosixRegex"/>).</summary>
    Regex,

    /// <summary><c>acl_parse_meth</c>: a standard HTTP method by identity, any other word kept as a string.</summary>
    Method,

    /// <summary><c>acl_parse_strcat</c>: all remaining words joined by single spaces into one pattern (group names).</summary>
    StringConcat,
}

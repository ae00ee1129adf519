namespace HaproxyNet.Config.Acl;

/// <summary>
/// 1.4.25's built-in ACLs (<c>default_acl_list</c> in acl.c). A condition naming one that the proxy did not
/// declare pulls it into the proxy's <see cref="AclTable"/> on first use; a declared ACL of the same name wins.
/// </summary>
public static class AclPredefined
{
    private static readonly (string Name, string[] Words)[] Table =
    [
        ("TRUE", ["always_true"]),
        ("FALSE", ["always_false"]),
        ("LOCALHOST", ["src", "127.0.0.1/8"]),
        ("HTTP", ["req_proto_http"]),
        ("HTTP_1.0", ["req_ver", "1.0"]),
        ("HTTP_1.1", ["req_ver", "1.1"]),
        ("METH_CONNECT", ["method", "CONNECT"]),
        ("METH_GET", ["method", "GET", "HEAD"]),
        ("METH_HEAD", ["method", "HEAD"]),
        ("METH_OPTIONS", ["method", "OPTIONS"]),
        ("METH_POST", ["method", "POST"]),
        ("METH_TRACE", ["method", "TRACE"]),
        ("HTTP_URL_ABS", ["url_reg", "^[^/:]*://"]),
        ("HTTP_URL_SLASH", ["url_beg", "/"]),
        ("HTTP_URL_STAR", ["url", "*"]),
        ("HTTP_CONTENT", ["hdr_val(content-length)", "gt", "0"]),
        ("RDP_COOKIE", ["req_rdp_cookie_cnt", "gt", "0"]),
        ("REQ_CONTENT", ["req_len", "gt", "0"]),
        ("WAIT_END", ["wait_end"]),
    ];

    /// <summary>Names of the built-in ACLs, in 1.4's order.</summary>
    public static IEnumerable<string> Names
    {
        get
        {
            foreach (var entry in Table)
            {
                yield return entry.Name;
            }
        }
    }

    /// <summary>The words (criterion first) a built-in ACL stands for, or null for an unknown name (case-sensitive).</summary>
    public static IReadOnlyList<string>? FindWords(string name)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry.Words;
            }
        }

        return null;
    }

    /// <summary><c>find_acl_default</c>: compiles the built-in ACL and appends it to <paramref name="table"/>.</summary>
    internal static Acl? Resolve(string name, AclTable table, AclParseContext context)
    {
        var words = FindWords(name);
        if (words is null || !AclParser.TryParseExpression(name, words, 0, words.Count, context, out var definition))
        {
            return null;
        }

        return table.AddPredefined(definition);
    }
}

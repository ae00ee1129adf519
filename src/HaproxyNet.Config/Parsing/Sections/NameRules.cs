namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>Which characters names may contain (<c>standard.c invalid_char</c>, <c>invalid_domainchar</c>).</summary>
internal static class NameRules
{
    /// <summary>The first character not allowed in a proxy/server/ACL/userlist name, or null.</summary>
    public static char? InvalidChar(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or ':' or '_' or '-'))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Same for cookie domains, which may not contain ':'.</summary>
    public static char? InvalidDomainChar(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return c;
            }
        }

        return null;
    }
}

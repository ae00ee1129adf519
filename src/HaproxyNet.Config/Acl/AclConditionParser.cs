using System.Diagnostics.CodeAnalysis;

namespace HaproxyNet.Config.Acl;

/// <summary>Parses <c>if|unless &lt;condition&gt;</c> the way 1.4.25 does.</summary>
/// <remarks>
/// Mirrors <c>build_acl_cond</c> + <c>parse_acl_cond</c> (acl.c). Grammar, word by word:
/// <list type="bullet">
/// <item>consecutive ACL names are AND-ed; <c>or</c> (any case) or <c>||</c> starts a new OR-ed suite;</item>
/// <item>leading <c>!</c> characters toggle negation of the next ACL (<c>!!a</c> is <c>a</c>); a lone <c>!</c>
/// word negates the following ACL; <c>or</c> resets a pending negation;</item>
/// <item><c>{ criterion [flags] [values] }</c> (braces as separate words) is an anonymous ACL, appended to the
/// table under the empty name;</item>
/// <item>a name is looked up among the ACLs declared so far in the proxy, then among
/// <see cref="AclPredefined"/> (pulled into the table on first use); unknown names fail.</item>
/// </list>
/// Nothing after <c>if</c> is accepted and gives a condition that never passes.
/// </remarks>
public static class AclConditionParser
{
    /// <summary>Parses the condition starting at <paramref name="words"/>[<paramref name="start"/>] (<c>if</c> or <c>unless</c>) to the end of the list.</summary>
    /// <param name="words">The rule's words; the condition runs to the end of the list (or to the first empty word).</param>
    /// <param name="start">Index of the <c>if</c>/<c>unless</c> word (compared case-sensitively).</param>
    /// <param name="acls">The proxy's ACL table: looked up, and extended with predefined and anonymous ACLs.</param>
    /// <param name="context">Position stored in the condition; environment and sink for anonymous ACLs.</param>
    /// <param name="condition">The parsed condition.</param>
    /// <returns>
    /// False when the first word is neither <c>if</c> nor <c>unless</c>, a name is unknown, a <c>{</c> has no
    /// <c>}</c>, or an anonymous ACL fails to parse. The caller prints its own 1.4 message (e.g.
    /// <c>error detected while parsing switching rule.</c>).
    /// </returns>
    public static bool TryParse(
        IReadOnlyList<string> words,
        int start,
        AclTable acls,
        AclParseContext context,
        [NotNullWhen(true)] out AclCondition? condition)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(acls);
        ArgumentNullException.ThrowIfNull(context);
        condition = null;
        if (start < 0 || start >= words.Count)
        {
            return false;
        }

        AclConditionPolarity polarity;
        switch (words[start])
        {
            case "if": polarity = AclConditionPolarity.If; break;
            case "unless": polarity = AclConditionPolarity.Unless; break;
            default: return false;
        }

        var end = words.Count;
        for (var i = start + 1; i < words.Count; i++)
        {
            if (words[i].Length == 0)
            {
                end = i;
                break;
            }
        }

        var suites = new List<List<AclTerm>>();
        List<AclTerm>? suite = null;
        var requires = AclUse.Nothing;
        var negate = false;
        for (var arg = start + 1; arg < end; arg++)
        {
            var word = words[arg].AsSpan();
            while (!word.IsEmpty && word[0] == '!')
            {
                negate = !negate;
                word = word[1..];
            }

            if (word.IsEmpty)
            {
                continue;
            }

            if (word.Equals("or", StringComparison.OrdinalIgnoreCase) || word.SequenceEqual("||"))
            {
                suite = null;
                negate = false;
                continue;
            }

            Acl? acl;
            if (word.SequenceEqual("{"))
            {
                var close = arg + 1;
                while (close < end && words[close] != "}")
                {
                    close++;
                }

                if (close == end)
                {
                    return false;
                }

                var anonymous = words.Skip(arg + 1).Take(close - arg - 1).ToArray();
                if (!AclParser.TryParse(string.Empty, anonymous, context, out var definition))
                {
                    return false;
                }

                acl = acls.Declare(definition);
                arg = close;
            }
            else
            {
                var name = word.ToString();
                acl = acls.Find(name) ?? AclPredefined.Resolve(name, acls, context);
                if (acl is null)
                {
                    return false;
                }
            }

            requires |= acl.Requires;
            if (suite is null)
            {
                suite = [];
                suites.Add(suite);
            }

            suite.Add(new AclTerm(acl, negate));
            negate = false;
        }

        var frozen = new AclTerm[suites.Count][];
        for (var i = 0; i < frozen.Length; i++)
        {
            frozen[i] = [.. suites[i]];
        }

        condition = new AclCondition(polarity, frozen, requires, context.File, context.Line);
        return true;
    }
}

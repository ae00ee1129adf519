using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Acl;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>Shared helpers of the rule steps.</summary>
public static class HttpRules
{
    /// <summary>acl_exec_cond + acl_pass + the unless polarity: whether a rule applies (no condition = always).</summary>
    public static bool Holds(AclCondition? cond, ref SessionAclEvaluator evaluator)
    {
        if (cond is null)
        {
            return true;
        }

        var ret = cond.Execute(ref evaluator) == AclMatchResult.Pass;
        return ret != (cond.Polarity == AclConditionPolarity.Unless);
    }

    /// <summary>
    /// http_get_path: the offset of the path in <paramref name="uri"/> (the first '/' after an optional
    /// <c>scheme://</c> and authority), or -1 for <c>*</c>, an empty URI, or one without any '/'.
    /// </summary>
    public static int PathOffset(ReadOnlySpan<byte> uri)
    {
        var p = 0;
        var end = uri.Length;
        if (end == 0 || uri[0] == (byte)'*')
        {
            return -1;
        }

        if (char.IsAsciiLetter((char)uri[0]))
        {
            p++;
            while (p < end && (char.IsAsciiLetterOrDigit((char)uri[p]) || uri[p] is (byte)'+' or (byte)'-' or (byte)'.'))
            {
                p++;
            }

            if (p == end || uri[p++] != (byte)':')
            {
                return -1;
            }

            if (p == end || uri[p++] != (byte)'/')
            {
                return -1;
            }

            if (p == end || uri[p++] != (byte)'/')
            {
                return -1;
            }
        }

        while (p < end && uri[p] != (byte)'/')
        {
            p++;
        }

        return p == end ? -1 : p;
    }
}

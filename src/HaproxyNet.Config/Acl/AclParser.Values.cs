namespace HaproxyNet.Config.Acl;

public static partial class AclParser
{
    private static readonly string[] MethodNames = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "CONNECT"];

    /// <summary>Parses one value (possibly preceded by operator words) with the criterion's parser.</summary>
    /// <returns>Words consumed, 0 on error (1.4's <c>aclkw-&gt;parse</c> contract).</returns>
    private static int TryParseValue(
        AclCriterion criterion,
        ref WordCursor words,
        bool ignoreCase,
        bool fromFile,
        ref ValueParserState state,
        AclParseContext context,
        List<AclPattern> patterns)
    {
        switch (criterion.ValueType)
        {
            case AclValueType.None:
                patterns.Add(AclPattern.CreateNone(fromFile));
                return 1;
            case AclValueType.Integer:
            case AclValueType.DottedVersion:
                {
                    var consumed = TryParseIntRange(
                        ref words, criterion.ValueType == AclValueType.DottedVersion, ref state.Operator, out var range);
                    if (consumed != 0)
                    {
                        patterns.Add(AclPattern.CreateRange(range, ignoreCase, fromFile));
                    }

                    return consumed;
                }

            case AclValueType.Ip:
                if (!TryParseNetwork(words.Current, context, out var network))
                {
                    return 0;
                }

                patterns.Add(AclPattern.CreateNetwork(network, ignoreCase, fromFile));
                return 1;
            case AclValueType.String:
                patterns.Add(AclPattern.CreateString(
                    CString(words.Current), ignoreCase, fromFile, fromFile && !ignoreCase && criterion.FeedsStringTree));
                return 1;
            case AclValueType.Regex:
                if (!PosixRegex.TryCompile(CString(words.Current), ignoreCase, out var regex))
                {
                    return 0;
                }

                patterns.Add(AclPattern.CreateRegex(regex, ignoreCase, fromFile));
                return 1;
            case AclValueType.Method:
                {
                    var text = CString(words.Current);
                    patterns.Add(AclPattern.CreateMethod(FindHttpMethod(text), text, ignoreCase, fromFile));
                    return 1;
                }

            case AclValueType.StringConcat:
                {
                    var count = 0;
                    while (words.Peek(count).Length != 0)
                    {
                        count++;
                    }

                    var joined = new string[count];
                    for (var i = 0; i < count; i++)
                    {
                        joined[i] = CString(words.Peek(i));
                    }

                    patterns.Add(AclPattern.CreateGroupNames(string.Join(' ', joined), ignoreCase, fromFile));
                    return count;
                }

            default:
                return 0;
        }
    }

    /// <summary>
    /// <c>find_http_meth</c>: standard methods by exact, case-sensitive identity; other words starting with
    /// A-Z are <see cref="AclHttpMethod.Other"/>; anything else is <see cref="AclHttpMethod.None"/>.
    /// </summary>
    public static AclHttpMethod FindHttpMethod(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetterUpper(text[0]))
        {
            return AclHttpMethod.None;
        }

        for (var i = 0; i < MethodNames.Length; i++)
        {
            if (text.SequenceEqual(MethodNames[i]))
            {
                return (AclHttpMethod)(i + 1);
            }
        }

        return AclHttpMethod.Other;
    }

    /// <summary><see cref="FindHttpMethod(ReadOnlySpan{char})"/> on raw request bytes (the engine's request line).</summary>
    public static AclHttpMethod FindHttpMethod(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text[0] < (byte)'A' || text[0] > (byte)'Z')
        {
            return AclHttpMethod.None;
        }

        for (var i = 0; i < MethodNames.Length; i++)
        {
            var name = MethodNames[i];
            if (text.Length != name.Length)
            {
                continue;
            }

            var same = true;
            for (var j = 0; j < name.Length; j++)
            {
                if (text[j] != name[j])
                {
                    same = false;
                    break;
                }
            }

            if (same)
            {
                return (AclHttpMethod)(i + 1);
            }
        }

        return AclHttpMethod.Other;
    }

    /// <summary>A C string ends at its first NUL (a <c>\x00</c> escape truncates the value in 1.4).</summary>
    private static string CString(string word)
    {
        var nul = word.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? word : word[..nul];
    }
}

using System.Diagnostics.CodeAnalysis;

namespace HaproxyNet.Config.Acl;

/// <summary>
/// Parses the words of an <c>acl</c> line (and of <c>{ ... }</c> anonymous ACLs) as 1.4.25 does.
/// </summary>
/// <remarks>
/// Mirrors <c>parse_acl</c> + <c>parse_acl_expr</c> (acl.c). Usage from the <c>acl</c> keyword:
/// <code>
/// if (AclParser.FindInvalidNameChar(name) is { } c) alert "character 'c' is not permitted in acl name 'name'."
/// if (!AclParser.TryParse(name, wordsAfterName, ctx, out var def)) alert "error detected while parsing ACL 'name'."
/// else proxyAcls.Declare(def);
/// </code>
/// 1.4 prints BOTH alerts for an invalid name (this parser fails on it too).
/// </remarks>
public static partial class AclParser
{
    /// <summary>
    /// Parses <c>&lt;criterion&gt; [flags] [operator] [values...]</c> for ACL <paramref name="aclName"/>.
    /// </summary>
    /// <param name="aclName">The name after <c>acl</c>; empty for an anonymous ACL.</param>
    /// <param name="args">The words after the name, criterion first. Words must not be empty.</param>
    /// <param name="context">Position, environment (for <c>-f</c> files and host names) and warning sink.</param>
    /// <param name="acl">The parsed expression, not yet added to any <see cref="AclTable"/>.</param>
    /// <returns>
    /// False on an invalid name, unknown criterion, missing <c>)</c>, unreadable <c>-f</c> file or any bad value;
    /// 1.4 prints nothing more specific than <c>error detected while parsing ACL '&lt;name&gt;'.</c>
    /// </returns>
    /// <remarks>
    /// On success, when the criterion has no <c>(</c> and the first word after it starts with <c>(</c>, the
    /// multi-line "is likely a mistake" warning is sent to the sink (it has no <c>parsing [file:line]</c> prefix).
    /// </remarks>
    public static bool TryParse(
        string aclName, IReadOnlyList<string> args, AclParseContext context, [NotNullWhen(true)] out AclDefinition? acl)
    {
        ArgumentNullException.ThrowIfNull(aclName);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        acl = null;
        if (aclName.Length != 0 && FindInvalidNameChar(aclName) is not null)
        {
            return false;
        }

        if (!TryParseExpression(aclName, args, 0, args.Count, context, out acl))
        {
            return false;
        }

        var criterionWord = args[0];
        if (args.Count > 1 && criterionWord.IndexOf('(', StringComparison.Ordinal) < 0
            && args[1].StartsWith('('))
        {
            context.Sink.Warning(
                $"parsing acl '{aclName}' :\n"
                + $"  matching '{criterionWord}' for pattern '{args[1]}' is likely a mistake and probably\n"
                + "  not what you want. Maybe you need to remove the extraneous space before '('.\n"
                + "  If you are really sure this is not an error, please insert '--' between the\n"
                + "  match and the pattern to make this warning message disappear.\n");
        }

        return true;
    }

    /// <summary>
    /// <c>invalid_char</c>: the first character of <paramref name="name"/> outside <c>A-Z a-z 0-9 . : _ -</c>,
    /// or null when the name is valid.
    /// </summary>
    public static char? FindInvalidNameChar(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != ':' && c != '_' && c != '-')
            {
                return c;
            }
        }

        return null;
    }

    /// <summary><c>parse_acl_expr</c> on <paramref name="args"/>[start..end).</summary>
    internal static bool TryParseExpression(
        string aclName,
        IReadOnlyList<string> args,
        int start,
        int end,
        AclParseContext context,
        [NotNullWhen(true)] out AclDefinition? acl)
    {
        acl = null;
        if (start >= end || !AclCriteria.TryFind(args[start], out var criterion))
        {
            return false;
        }

        string? argument = null;
        var word = args[start];
        var open = word.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = word.IndexOf(')', open + 1);
            if (close < 0)
            {
                return false;
            }

            argument = word.Substring(open + 1, close - open - 1);
        }

        var patterns = new List<AclPattern>();
        var files = new List<string>();
        var ignoreCase = false;
        var words = new WordCursor(args, start + 1, end);

        // Flags are only recognised before the first value. 1.4 looks at the second character only:
        // "-ixyz" is -i, "-foo" is -f, "--x" ends the flags, "-" or "-x" is a value.
        while (words.Current.StartsWith('-'))
        {
            var flag = words.Current.Length > 1 ? words.Current[1] : '\0';
            if (flag == 'i')
            {
                ignoreCase = true;
            }
            else if (flag == 'f')
            {
                var file = words.Peek(1);
                if (!TryReadPatternFile(criterion, file, ignoreCase, context, patterns))
                {
                    return false;
                }

                files.Add(file);
                words.Advance(1);
            }
            else if (flag == '-')
            {
                words.Advance(1);
                break;
            }
            else
            {
                break;
            }

            words.Advance(1);
        }

        var state = new ValueParserState();
        while (words.Current.Length != 0)
        {
            var consumed = TryParseValue(criterion, ref words, ignoreCase, fromFile: false, ref state, context, patterns);
            if (consumed == 0)
            {
                return false;
            }

            words.Advance(consumed);
        }

        acl = new AclDefinition(aclName, criterion, argument, ignoreCase, files, patterns, context.File, context.Line);
        return true;
    }
}

using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>The <c>userlist</c> section: <c>group</c> and <c>user</c> lines.</summary>
/// <remarks>Mirrors <c>cfgparse.c cfg_parse_users</c>.</remarks>
internal static class UserListParser
{
    public static ErrorCode Parse(ParseState s, LexedLine a)
    {
        var kw = a[0];
        if (kw == "userlist")
        {
            if (a[1].Length == 0)
            {
                return s.Alert($"{s.AtNoSpace}'{kw}' expects <name> as arguments.\n");
            }

            if (NameRules.InvalidChar(a[1]) is { } c)
            {
                return s.Alert($"{s.AtNoSpace}character '{c}' is not permitted in '{kw}' name '{a[1]}'.\n");
            }

            if (s.UserLists.Any(u => u.Name == a[1]))
            {
                return s.Warn($"{s.AtNoSpace}ignoring duplicated userlist '{a[1]}'.\n");
            }

            var ul = new UserListBuilder(a[1], s.Span);
            s.UserLists.Add(ul);
            s.CurrentUserList = ul;
            return ErrorCode.None;
        }

        var list = s.CurrentUserList;
        if (kw == "group" && list is not null)
        {
            return ParseGroup(s, a, list);
        }

        if (kw == "user" && list is not null)
        {
            return ParseUser(s, a, list);
        }

        return s.Alert($"{s.AtNoSpace}unknown keyword '{kw}' in 'users' section\n");
    }

    private static ErrorCode ParseGroup(ParseState s, LexedLine a, UserListBuilder list)
    {
        if (a[1].Length == 0)
        {
            return s.Alert($"{s.AtNoSpace}'{a[0]}' expects <name> as arguments.\n");
        }

        if (NameRules.InvalidChar(a[1]) is { } c)
        {
            return s.Alert($"{s.AtNoSpace}character '{c}' is not permitted in '{a[0]}' name '{a[1]}'.\n");
        }

        if (list.Groups.Any(g => g.Name == a[1]))
        {
            s.Diag.Warning($"{s.AtNoSpace}ignoring duplicated group '{a[1]}' in userlist '{list.Name}'.\n");
            return ErrorCode.Alert;
        }

        if (list.Groups.Count >= 32)
        {
            return s.Alert($"{s.AtNoSpace}too many groups ({list.Groups.Count}) in in userlist '{list.Name}' while adding group '{a[1]}'.\n");
        }

        var users = new List<string>();
        for (var i = 2; a[i].Length > 0; i += 2)
        {
            if (a[i] != "users")
            {
                return s.Alert($"{s.AtNoSpace}'{a[0]}' only supports 'users' option.\n");
            }

            users = [.. a[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries)];
        }

        list.Groups.Add((a[1], users));
        return ErrorCode.None;
    }

    private static ErrorCode ParseUser(ParseState s, LexedLine a, UserListBuilder list)
    {
        if (a[1].Length == 0)
        {
            return s.Alert($"{s.AtNoSpace}'{a[0]}' expects <name> as arguments.\n");
        }

        if (list.Users.Any(u => u.Name == a[1]))
        {
            s.Diag.Warning($"{s.AtNoSpace}ignoring duplicated user '{a[1]}' in userlist '{list.Name}'.\n");
            return ErrorCode.Alert;
        }

        string? password = null;
        var insecure = false;
        var groups = new List<string>();
        for (var i = 2; a[i].Length > 0; i += 2)
        {
            switch (a[i])
            {
                case "password":
                    password = a[i + 1];
                    break;
                case "insecure-password":
                    password = a[i + 1];
                    insecure = true;
                    break;
                case "groups":
                    groups = [.. a[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries)];
                    break;
                default:
                    list.Users.Add((a[1], password, insecure, groups));
                    return s.Alert($"{s.AtNoSpace}'{a[0]}' only supports 'password', 'insecure-password' and 'groups' options.\n");
            }
        }

        list.Users.Add((a[1], password, insecure, groups));
        return ErrorCode.None;
    }
}

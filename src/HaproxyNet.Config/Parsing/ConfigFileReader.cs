using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Sections;

namespace HaproxyNet.Config.Parsing;

/// <summary>Reads one configuration file line by line and dispatches each statement to its section parser.</summary>
/// <remarks>Mirrors <c>cfgparse.c readcfgfile</c>.</remarks>
internal static class ConfigFileReader
{
    private enum Section
    {
        None,
        Listen,
        Global,
        UserList,
    }

    /// <summary>Parses <paramref name="content"/>; returns the accumulated error bits (<see cref="ErrorCode.All"/> for -1).</summary>
    public static ErrorCode ReadCfgFile(ParseState state, string file, byte[] content)
    {
        var err = ErrorCode.None;
        var section = Section.None;
        var lineNumber = 0;
        state.File = file;

        foreach (var raw in LineChunker.Chunks(content))
        {
            // 1.4 works on C strings: a NUL byte ends the line (UTF-16 files read as garbage then nothing)
            var nul = raw.IndexOf('\0', StringComparison.Ordinal);
            var chunk = nul < 0 ? raw : raw[..nul];
            lineNumber++;
            state.Line = lineNumber;
            if (LineChunker.IsTooLong(chunk))
            {
                err |= state.Alert($"{state.AtNoSpace}line too long, limit: {LineChunker.Limit}.\n");
            }

            var lexed = ConfigLexer.Lex(chunk);
            var words = lexed.Words;
            foreach (var first in lexed.BadHex)
            {
                err |= state.Alert($"{state.At}invalid or incomplete '\\x' sequence in '{first}'.\n");
            }

            if (words.Count == 0 || words[0].Length == 0)
            {
                continue;
            }

            if (lexed.OverflowRest is not null)
            {
                err |= state.Alert(
                    $"{state.AtNoSpace}line too long, truncating at word {ConfigLexer.MaxWords + 1}, position {lexed.OverflowPosition}: <{lexed.OverflowRest}>.\n");
            }

            var modifier = KeywordModifier.Standard;
            var list = words as List<string> ?? [.. words]; // the lexer's own list: no copy per line
            if (list[0] == "no")
            {
                modifier = KeywordModifier.No;
                list.RemoveAt(0);
            }
            else if (list[0] == "default")
            {
                modifier = KeywordModifier.Default;
                list.RemoveAt(0);
            }

            var line = new LexedLine(lineNumber, list, modifier);
            if (modifier != KeywordModifier.Standard && line[0] != "option")
            {
                err |= state.Alert($"{state.AtNoSpace}negation/default currently supported only for options.\n");
            }

            var kw = line[0];
            if (kw is "listen" or "frontend" or "backend" or "ruleset" or "defaults")
            {
                section = Section.Listen;
                state.CurrentSectionName = kw;
            }
            else if (kw == "global")
            {
                section = Section.Global;
                state.CurrentSectionName = kw;
            }
            else if (kw == "userlist")
            {
                section = Section.UserList;
                state.CurrentSectionName = kw;
            }

            err |= section switch
            {
                Section.Listen => ProxyParser.Parse(state, line),
                Section.Global => GlobalParser.Parse(state, line),
                Section.UserList => UserListParser.Parse(state, line),
                _ => state.Alert($"{state.AtNoSpace}unknown keyword '{kw}' out of section.\n"),
            };

            if ((err & ErrorCode.Abort) != 0)
            {
                break;
            }
        }

        return err;
    }
}

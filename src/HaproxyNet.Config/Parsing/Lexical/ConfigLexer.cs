using Sprache;

namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>
/// Splits one physical line into words exactly as 1.4's <c>readcfgfile</c> does: white space separates,
/// an unescaped <c>#</c>, CR or LF ends the line (even mid-word), quotes are ordinary characters and
/// backslash escapes are decoded left to right.
/// </summary>
/// <remarks>Mirrors the word loop of <c>cfgparse.c readcfgfile</c>; the grammar is per piece of word.</remarks>
internal static class ConfigLexer
{
    /// <summary>1.4's MAX_LINE_ARGS.</summary>
    public const int MaxWords = 64;

    /// <summary>C <c>isspace</c> in the C locale.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static bool EndsLine(char c) => c is '#' or '\r' or '\n';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>A run of ordinary characters.</summary>
    private static readonly Parser<LexPiece> Plain =
        Parse.Char(c => c != '\\' && !EndsLine(c) && !IsSpace(c), "word character")
            .AtLeastOnce().Text().Select(t => new LexPiece(t, 0, false));

    /// <summary>Escapes that stand for one character: <c>\ </c>, <c>\\</c>, <c>\#</c>, <c>\r</c>, <c>\n</c>, <c>\t</c>.</summary>
    private static readonly Parser<LexPiece> SimpleEscape =
        from bs in Parse.Char('\\')
        from c in Parse.Chars(" \\#rnt")
        select new LexPiece(c switch { 'r' => "\r", 'n' => "\n", 't' => "\t", _ => c.ToString() }, 1, false);

    /// <summary><c>\xHH</c>: both hex digits are required (<c>line + 3 &lt; end</c>).</summary>
    private static readonly Parser<LexPiece> HexEscape = input =>
    {
        var src = input.Source;
        var pos = input.Position;
        if (pos + 1 >= src.Length || src[pos] != '\\' || src[pos + 1] != 'x')
        {
            return Result.Failure<LexPiece>(input, "not a hex escape", ["\\x"]);
        }

        if (pos + 3 < src.Length && IsHex(src[pos + 2]) && IsHex(src[pos + 3]))
        {
            var value = (char)Convert.ToByte(src.Substring(pos + 2, 2), 16);
            return Result.Success(new LexPiece(value.ToString(), 3, false), Advance(input, 4));
        }

        // Left untouched: the backslash stays and the 'x' is read as an ordinary character next.
        return Result.Success(new LexPiece("\\", 0, true), input.Advance());
    };

    /// <summary>Any other backslash is kept with the character after it read normally (<c>\1</c>, <c>\.</c>).</summary>
    private static readonly Parser<LexPiece> OtherBackslash =
        Parse.Char('\\').Select(_ => new LexPiece("\\", 0, false));

    private static readonly Parser<LexPiece> Piece = SimpleEscape.Or(HexEscape).Or(OtherBackslash).Or(Plain);

    private static readonly Parser<string> Separator = Parse.Char(IsSpace, "white space").AtLeastOnce().Text();

    private static IInput Advance(IInput input, int count)
    {
        for (var i = 0; i < count; i++)
        {
            input = input.Advance();
        }

        return input;
    }

    /// <summary>Splits <paramref name="line"/> (one fgets chunk) into words.</summary>
    public static LexResult Lex(string line)
    {
        var words = new List<string>();
        var badHexFirstWord = new List<string?>();
        IInput input = new Input(line);

        // leading white space, LF and CR included
        var lead = Separator.TryParse(line);
        if (lead.WasSuccessful)
        {
            input = lead.Remainder;
        }

        var shrink = 0;
        var current = new System.Text.StringBuilder();
        var wordStartRaw = input.Position;
        var wordStartShrink = 0;
        string? overflowRest = null;
        var overflowPosition = 0;

        while (!input.AtEnd)
        {
            var c = input.Current;
            if (c != '\\' && EndsLine(c))
            {
                break;
            }

            if (c != '\\' && IsSpace(c))
            {
                words.Add(current.ToString());
                current.Clear();
                input = Separator(input).Remainder;
                wordStartRaw = input.Position;
                wordStartShrink = shrink;
                if (words.Count >= MaxWords)
                {
                    if (!input.AtEnd)
                    {
                        var end = wordStartRaw;
                        while (end < line.Length && line[end] != '#' && line[end] != '\n')
                        {
                            end++;
                        }

                        overflowRest = line[wordStartRaw..end];
                        overflowPosition = wordStartRaw - wordStartShrink + 1;
                    }

                    break;
                }

                continue;
            }

            var piece = Piece(input);
            var value = piece.Value;
            if (value.BadHex)
            {
                // 1.4 prints args[0]; inside the first word it is not cut yet and runs to the end of the line
                badHexFirstWord.Add(words.Count == 0 ? current + line[input.Position..] : null);
            }

            current.Append(value.Text);
            shrink += value.Shrink;
            input = piece.Remainder;
        }

        if (words.Count < MaxWords)
        {
            words.Add(current.ToString());
        }

        // 1.4 leaves an empty last argument after trailing blanks; it is indistinguishable from "absent".
        while (words.Count > 0 && words[^1].Length == 0)
        {
            words.RemoveAt(words.Count - 1);
        }

        var badHex = badHexFirstWord.Select(t => t ?? words[0]).ToList();
        return new LexResult(words, badHex, overflowRest, overflowPosition);
    }
}

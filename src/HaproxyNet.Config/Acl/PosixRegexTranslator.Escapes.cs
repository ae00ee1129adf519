namespace HaproxyNet.Config.Acl;

internal static partial class PosixRegexTranslator
{
    private sealed partial class Translator
    {
        /// <summary>GNU anchors after a backslash: word boundaries and buffer ends. They cannot be repeated.</summary>
        private static bool TryGnuAnchor(char c, out string anchor)
        {
            anchor = c switch
            {
                '<' => "(?<!" + WordClass + ")(?=" + WordClass + ")",
                '>' => "(?<=" + WordClass + ")(?!" + WordClass + ")",
                'b' => "(?:(?<=" + WordClass + ")(?!" + WordClass + ")|(?<!" + WordClass + ")(?=" + WordClass + "))",
                'B' => "(?:(?<=" + WordClass + ")(?=" + WordClass + ")|(?<!" + WordClass + ")(?!" + WordClass + "))",
                '`' => "\\A",
                '\'' => "\\z",
                _ => string.Empty,
            };
            return anchor.Length != 0;
        }

        /// <summary>Backslash atoms: back-references, GNU classes, otherwise the character itself.</summary>
        private bool TryEscapedAtom(char c, out string atom)
        {
            switch (c)
            {
                case >= '1' and <= '9':
                    {
                        var n = c - '0';
                        if ((_completedGroups & (1u << n)) == 0)
                        {
                            atom = string.Empty;
                            return false; // REG_ESUBREG
                        }

                        atom = ignoreCase ? "(?i:\\k<" + n + ">)" : "\\k<" + n + ">";
                        return true;
                    }

                case 'w': atom = WordClass; return true;
                case 'W': atom = NotWordClass; return true;
                case 's': atom = "[ \\t\\n\\v\\f\\r]"; return true;
                case 'S': atom = "[^ \\t\\n\\v\\f\\r]"; return true;
                default:
                    atom = EscapedLiteral(c);
                    return true;
            }
        }

        private const string WordClass = "[0-9A-Z_a-z]";
        private const string NotWordClass = "[^0-9A-Z_a-z]";

        /// <summary>One literal character; under REG_ICASE every character whose upper case is the same.</summary>
        private string Literal(char c)
        {
            if (ignoreCase && char.IsAsciiLetter(c))
            {
                return "[" + char.ToUpperInvariant(c) + char.ToLowerInvariant(c) + "]";
            }

            return Escape(c);
        }

        /// <summary>
        /// An escaped ordinary character. glibc reads it with its original case while REG_ICASE upper-cases the
        /// input, so under REG_ICASE <c>\A</c> matches a and A but <c>\a</c> matches nothing.
        /// </summary>
        private string EscapedLiteral(char c)
        {
            if (ignoreCase && char.IsAsciiLetterLower(c))
            {
                return NeverClass;
            }

            return Literal(c);
        }

        /// <summary>A class that matches no character (kept a class so the non-backtracking engine accepts it).</summary>
        internal const string NeverClass = "[^\\x00-\\uFFFF]";

        private static string Escape(char c)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                return c.ToString();
            }

            return c <= 0xFF ? "\\x" + ((int)c).ToString("X2") : "\\u" + ((int)c).ToString("X4");
        }
    }
}

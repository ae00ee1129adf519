using System.Text;

namespace HaproxyNet.Config.Acl;

internal static partial class PosixRegexTranslator
{
    private sealed partial class Translator
    {
        /// <summary>
        /// glibc <c>parse_bracket_exp</c>: computes the set over the 256 byte values and emits it as an explicit
        /// .NET class (so .NET's Unicode classes and case folding never apply). Under REG_ICASE glibc upper-cases
        /// the pattern's bracket characters and the input, so a byte matches when its upper case is in the set.
        /// </summary>
        private bool ParseBracket(out string atom)
        {
            atom = string.Empty;
            var set = new bool[256];
            var negate = false;
            if (!AtEnd && pattern[_pos] == '^')
            {
                negate = true;
                _pos++;
            }

            var first = true;
            while (true)
            {
                if (AtEnd)
                {
                    return false; // REG_EBRACK
                }

                if (pattern[_pos] == ']' && !first)
                {
                    _pos++;
                    break;
                }

                // A '-' that is neither first nor last cannot start an element ("[a-c-e]" is REG_ERANGE).
                if (pattern[_pos] == '-' && !first && !(_pos + 1 < pattern.Length && pattern[_pos + 1] == ']'))
                {
                    return false;
                }

                if (!ReadBracketElement(out var startKind, out var startChar, out var className))
                {
                    return false;
                }

                first = false;
                var isRange = !AtEnd && pattern[_pos] == '-' && _pos + 1 < pattern.Length && pattern[_pos + 1] != ']';
                if (!isRange)
                {
                    if (startKind == ElementKind.Class)
                    {
                        if (!AddClass(set, className))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        set[startChar] = true;
                    }

                    continue;
                }

                _pos++; // the '-'
                if (!ReadBracketElement(out var endKind, out var endChar, out _)
                    || startKind is ElementKind.Class or ElementKind.Equivalence
                    || endKind is ElementKind.Class or ElementKind.Equivalence
                    || startChar > endChar)
                {
                    return false; // REG_ERANGE
                }

                for (var ch = startChar; ch <= endChar; ch++)
                {
                    set[ch] = true;
                }
            }

            var final = new bool[256];
            for (var b = 0; b < 256; b++)
            {
                var probe = ignoreCase ? UpperAscii(b) : b;
                final[b] = set[probe] != negate;
            }

            atom = EmitSet(final);
            return true;
        }

        private enum ElementKind
        {
            Char,
            Collating,
            Equivalence,
            Class,
        }

        /// <summary>One bracket element: a character, <c>[.c.]</c>, <c>[=c=]</c> or <c>[:name:]</c>.</summary>
        private bool ReadBracketElement(out ElementKind kind, out int ch, out string className)
        {
            kind = ElementKind.Char;
            ch = 0;
            className = string.Empty;
            if (AtEnd)
            {
                return false;
            }

            var c = pattern[_pos];
            if (c == '[' && _pos + 1 < pattern.Length && pattern[_pos + 1] is '.' or '=' or ':')
            {
                var delimiter = pattern[_pos + 1];
                var nameStart = _pos + 2;
                var i = nameStart;
                while (true)
                {
                    // glibc reads at most 32 bytes of name and needs "<delim>]" before the end.
                    if (i - nameStart >= 32 || i + 1 >= pattern.Length)
                    {
                        return false; // REG_EBRACK
                    }

                    if (pattern[i] == delimiter && pattern[i + 1] == ']')
                    {
                        break;
                    }

                    i++;
                }

                var name = pattern[nameStart..i];
                _pos = i + 2;
                if (delimiter == ':')
                {
                    kind = ElementKind.Class;
                    className = name;
                    return true;
                }

                // C locale: collating symbols and equivalence classes are single characters.
                if (name.Length != 1 || name[0] > 0xFF)
                {
                    return false; // REG_ECOLLATE
                }

                kind = delimiter == '.' ? ElementKind.Collating : ElementKind.Equivalence;
                ch = ignoreCase ? UpperAscii(name[0]) : name[0];
                return true;
            }

            if (c > 0xFF)
            {
                return false;
            }

            _pos++;
            ch = ignoreCase ? UpperAscii(c) : c;
            return true;
        }

        /// <summary>C-locale character classes; under REG_ICASE upper and lower mean alpha (glibc build_charclass).</summary>
        private bool AddClass(bool[] set, string name)
        {
            if (ignoreCase && name is "upper" or "lower")
            {
                name = "alpha";
            }

            Func<int, bool>? test = name switch
            {
                "alpha" => b => char.IsAsciiLetter((char)b),
                "upper" => b => char.IsAsciiLetterUpper((char)b),
                "lower" => b => char.IsAsciiLetterLower((char)b),
                "digit" => b => char.IsAsciiDigit((char)b),
                "xdigit" => b => char.IsAsciiHexDigit((char)b),
                "alnum" => b => char.IsAsciiLetterOrDigit((char)b),
                "space" => b => b == ' ' || (b >= '\t' && b <= '\r'),
                "blank" => b => b == ' ' || b == '\t',
                "punct" => b => b > ' ' && b < 0x7F && !char.IsAsciiLetterOrDigit((char)b),
                "print" => b => b >= ' ' && b < 0x7F,
                "graph" => b => b > ' ' && b < 0x7F,
                "cntrl" => b => b < ' ' || b == 0x7F,
                _ => null,
            };
            if (test is null)
            {
                return false; // REG_ECTYPE
            }

            for (var b = 0; b < 256; b++)
            {
                if (test(b))
                {
                    set[b] = true;
                }
            }

            return true;
        }

        private static int UpperAscii(int c) => c is >= 'a' and <= 'z' ? c - 32 : c;

        private static string EmitSet(bool[] set)
        {
            var sb = new StringBuilder("[");
            var any = false;
            for (var b = 0; b < 256; b++)
            {
                if (!set[b])
                {
                    continue;
                }

                var end = b;
                while (end + 1 < 256 && set[end + 1])
                {
                    end++;
                }

                sb.Append("\\x").Append(b.ToString("X2"));
                if (end > b)
                {
                    sb.Append("-\\x").Append(end.ToString("X2"));
                }

                any = true;
                b = end;
            }

            // An empty set must stay a class (not "(?!)") so the non-backtracking engine still accepts it.
            return any ? sb.Append(']').ToString() : NeverClass;
        }
    }
}

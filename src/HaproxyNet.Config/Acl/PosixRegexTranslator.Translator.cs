using System.Text;

namespace HaproxyNet.Config.Acl;

internal static partial class PosixRegexTranslator
{
    /// <summary>glibc's RE_DUP_MAX: larger interval bounds are rejected (REG_ESIZE / REG_BADBR).</summary>
    private const int DupMax = 0x7fff;

    /// <summary>
    /// Recursive descent following glibc's <c>parse_reg_exp</c> / <c>parse_branch</c> / <c>parse_expression</c>
    /// under RE_SYNTAX_POSIX_EXTENDED (GNU operators on, unmatched ')' ordinary, context-invalid operators).
    /// Emits .NET syntax where every atom is self-contained so quantifiers can be stacked safely.
    /// </summary>
    private sealed partial class Translator(string pattern, bool ignoreCase)
    {
        private int _pos;
        private int _groups;
        private uint _completedGroups;

        public bool Run(out string translated, out int groups)
        {
            translated = string.Empty;
            groups = 0;
            if (!ParseRegExp(0, out var body) || _pos != pattern.Length)
            {
                return false;
            }

            translated = body;
            groups = _groups;
            return true;
        }

        private bool AtEnd => _pos >= pattern.Length;

        /// <summary>Alternation: branches separated by '|', any of them may be empty.</summary>
        /// <remarks>
        /// Empty branches are emitted last: POSIX prefers the longest match, .NET the first branch that works, so
        /// "(|a)" must try "a" first to capture like glibc. The language (hence IsMatch) is unchanged and group
        /// numbers stay in pattern order because an empty branch holds no group.
        /// </remarks>
        private bool ParseRegExp(int nest, out string result)
        {
            var branches = new List<string>();
            var hasEmpty = false;
            while (true)
            {
                var sb = new StringBuilder();
                if (!ParseBranch(nest, sb))
                {
                    result = string.Empty;
                    return false;
                }

                if (sb.Length == 0)
                {
                    hasEmpty = true;
                }
                else
                {
                    branches.Add(sb.ToString());
                }

                if (!AtEnd && pattern[_pos] == '|')
                {
                    _pos++;
                    continue;
                }

                if (hasEmpty)
                {
                    branches.Add(string.Empty);
                }

                result = string.Join('|', branches);
                return true;
            }
        }

        /// <summary>Concatenation until '|', the end, or a ')' closing an open group.</summary>
        private bool ParseBranch(int nest, StringBuilder sb)
        {
            while (!AtEnd && pattern[_pos] != '|' && !(pattern[_pos] == ')' && nest > 0))
            {
                if (!ParseExpression(nest, out var atom))
                {
                    return false;
                }

                sb.Append(atom);
            }

            return true;
        }

        /// <summary>One atom and its repetition operators.</summary>
        private bool ParseExpression(int nest, out string atom)
        {
            atom = string.Empty;
            var c = pattern[_pos++];
            switch (c)
            {
                case '*':
                case '+':
                case '?':
                case '{':
                    // RE_CONTEXT_INVALID_OPS: nothing to repeat (start, after '(', '|' or an anchor).
                    return false;
                case '^':
                    atom = "^";
                    return true;
                case '$':
                    atom = "\\z";
                    return true;
                case '.':
                    atom = "[^\\x00]";
                    break;
                case '[':
                    if (!ParseBracket(out atom))
                    {
                        return false;
                    }

                    break;
                case '(':
                    {
                        var index = ++_groups;
                        if (!ParseRegExp(nest + 1, out var inner) || AtEnd || pattern[_pos] != ')')
                        {
                            return false;
                        }

                        _pos++;
                        if (index <= 31)
                        {
                            _completedGroups |= 1u << index;
                        }

                        atom = "(" + inner + ")";
                        break;
                    }

                case '\\':
                    {
                        if (AtEnd)
                        {
                            return false; // REG_EESCAPE
                        }

                        var escaped = pattern[_pos++];
                        if (TryGnuAnchor(escaped, out var anchor))
                        {
                            atom = anchor;
                            return true;
                        }

                        if (!TryEscapedAtom(escaped, out atom))
                        {
                            return false;
                        }

                        break;
                    }

                default:
                    // ')' unmatched, ']' and '}' are ordinary characters in ERE.
                    atom = Literal(c);
                    break;
            }

            return ParseRepetitions(ref atom);
        }

        private bool ParseRepetitions(ref string atom)
        {
            var quantified = false;
            while (!AtEnd)
            {
                string quantifier;
                var c = pattern[_pos];
                if (c is '*' or '+' or '?')
                {
                    _pos++;
                    quantifier = c.ToString();
                }
                else if (c == '{')
                {
                    _pos++;
                    if (!TryParseInterval(out quantifier))
                    {
                        return false;
                    }
                }
                else
                {
                    break;
                }

                // .NET rejects stacked quantifiers and reads "*?" as lazy: nest the previous repetition.
                atom = quantified ? "(?:" + atom + ")" + quantifier : atom + quantifier;
                quantified = true;
            }

            return true;
        }

        /// <summary><c>{m}</c>, <c>{m,}</c>, <c>{m,n}</c>, <c>{,n}</c>; anything else is an error in glibc.</summary>
        private bool TryParseInterval(out string quantifier)
        {
            quantifier = string.Empty;
            var min = ReadNumber();
            if (AtEnd)
            {
                return false; // REG_EBRACE
            }

            if (min == -1)
            {
                if (pattern[_pos] != ',')
                {
                    return false; // "{}" or "{x": REG_BADBR
                }

                min = 0;
            }

            if (min == -2)
            {
                return false;
            }

            int max;
            if (pattern[_pos] == '}')
            {
                _pos++;
                max = min;
            }
            else if (pattern[_pos] == ',')
            {
                _pos++;
                max = ReadNumber();
                if (max == -2 || AtEnd || pattern[_pos] != '}')
                {
                    return false;
                }

                _pos++;
            }
            else
            {
                return false;
            }

            if ((max != -1 && min > max) || (max == -1 ? min : max) > DupMax)
            {
                return false;
            }

            quantifier = max == -1 ? "{" + min + ",}" : min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
            return true;
        }

        /// <summary>glibc <c>fetch_number</c>: -1 when no digit, -2 when a non-digit precedes ',' or '}' or the end.</summary>
        private int ReadNumber()
        {
            var num = -1;
            while (!AtEnd && pattern[_pos] != '}' && pattern[_pos] != ',')
            {
                var c = pattern[_pos++];
                num = c < '0' || c > '9' || num == -2 ? -2 : num == -1 ? c - '0' : Math.Min(DupMax + 1, (num * 10) + c - '0');
            }

            return AtEnd ? -2 : num;
        }
    }
}

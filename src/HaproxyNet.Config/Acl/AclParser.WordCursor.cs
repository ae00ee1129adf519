namespace HaproxyNet.Config.Acl;

public static partial class AclParser
{
    /// <summary>
    /// Reads words like 1.4's NULL-terminated <c>args</c> array: past the end every word is the empty string,
    /// which is what stops value parsing.
    /// </summary>
    internal struct WordCursor
    {
        private readonly IReadOnlyList<string> _words;
        private readonly int _end;
        private int _index;

        public WordCursor(IReadOnlyList<string> words, int start, int end)
        {
            _words = words;
            _index = start;
            _end = end;
        }

        public readonly string Current => Peek(0);

        public readonly string Peek(int offset)
        {
            var i = _index + offset;
            return i < _end ? _words[i] : string.Empty;
        }

        public void Advance(int count) => _index += count;
    }

    /// <summary>State kept across the values of one expression (1.4's <c>opaque</c>: the current int operator).</summary>
    internal struct ValueParserState
    {
        /// <summary>0 eq, 1 gt, 2 ge, 3 lt, 4 le.</summary>
        public int Operator;
    }
}

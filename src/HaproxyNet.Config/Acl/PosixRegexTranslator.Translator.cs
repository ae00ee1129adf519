using System.Text;

namespace HaproxyNet.Config.Acl;

internal static partial class PosixRegexTranslator
{
    private sealed class Translator(string pattern, bool ignoreCase)
    {
        private readonly StringBuilder _out = new();

        public bool Run(out string translated, out int groups)
        {
            // Placeholder until the full translator lands: escape everything.
            _ = ignoreCase;
            _out.Append(System.Text.RegularExpressions.Regex.Escape(pattern));
            translated = _out.ToString();
            groups = 0;
            return true;
        }
    }
}

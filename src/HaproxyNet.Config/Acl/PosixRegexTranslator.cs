namespace HaproxyNet.Config.Acl;

/// <summary>Translates POSIX ERE (glibc dialect) to .NET regex syntax, rejecting what glibc rejects.</summary>
internal static partial class PosixRegexTranslator
{
    /// <summary>Translates <paramref name="pattern"/>; false when glibc <c>regcomp</c> would fail.</summary>
    public static bool TryTranslate(string pattern, bool ignoreCase, out string translated, out int groups)
    {
        var parser = new Translator(pattern, ignoreCase);
        return parser.Run(out translated, out groups);
    }
}

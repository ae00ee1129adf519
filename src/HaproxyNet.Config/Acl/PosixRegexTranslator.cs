namespace HaproxyNet.Config.Acl;

/// <summary>Translates POSIX ERE (glibc dialect) to .NET regex syntax, rejecting what glibc rejects.</summary>
/// <remarks>
/// Follows glibc's <c>regcomp</c> (regcomp.c: <c>parse_reg_exp</c>, <c>parse_branch</c>, <c>parse_expression</c>,
/// <c>parse_dup_op</c>, <c>parse_bracket_exp</c>, <c>peek_token</c>) under RE_SYNTAX_POSIX_EXTENDED in the C
/// locale, which is what HAProxy 1.4.25 gets from <c>regcomp(REG_EXTENDED)</c>. Checked against recorded glibc
/// verdicts by PosixRegexGlibcTests.
/// </remarks>
internal static partial class PosixRegexTranslator
{
    /// <summary>Translates <paramref name="pattern"/>; false when glibc <c>regcomp</c> would fail.</summary>
    public static bool TryTranslate(string pattern, bool ignoreCase, out string translated, out int groups)
    {
        var parser = new Translator(pattern, ignoreCase);
        return parser.Run(out translated, out groups);
    }
}

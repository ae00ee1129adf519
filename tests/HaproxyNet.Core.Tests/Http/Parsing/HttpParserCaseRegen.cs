#if HTTP_PARSER_REGEN
using System.Text.RegularExpressions;

namespace HaproxyNet.Core.Tests.Http.Parsing;

/// <summary>
/// Rewrites the <c>expect</c> blocks of the case files from the current parser (build with
/// <c>-p:DefineConstants=HTTP_PARSER_REGEN</c>, run, then review every changed block against the oracle verdicts
/// before committing). Not compiled normally.
/// </summary>
public sealed class HttpParserCaseRegen
{
    [Fact]
    public void Regenerate()
    {
        foreach (var file in new[] { "request.md", "response.md" })
        {
            var path = Path.Combine(HttpParserCaseFile.Folder, file);
            var text = File.ReadAllText(path);
            foreach (var c in HttpParserCaseFile.Load(file))
            {
                var describe = HttpParseOutcome.Run(c).Describe();
                var rx = new Regex("(### " + Regex.Escape(c.Name) + "\n.*?```expect\n)(.*?)(```)", RegexOptions.Singleline);
                text = rx.Replace(text, m => m.Groups[1].Value + describe + "\n" + m.Groups[3].Value, 1);
            }

            File.WriteAllText(path, text);
        }
    }
}
#endif

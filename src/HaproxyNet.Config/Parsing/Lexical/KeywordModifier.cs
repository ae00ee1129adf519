namespace HaproxyNet.Config.Parsing.Lexical;

/// <summary>The <c>no</c> / <c>default</c> prefix removed from the front of a line (1.4's <c>kwm</c>).</summary>
public enum KeywordModifier
{
    Standard,
    No,
    Default,
}

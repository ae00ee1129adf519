namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>Action of a <c>req*</c>/<c>rsp*</c> regex rule (1.4's ACT_*).</summary>
internal enum RegexRule
{
    Replace,
    Delete,
    Deny,
    Pass,
    Allow,
    Tarpit,
    SetBackend,
}

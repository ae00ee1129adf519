namespace HaproxyNet.Config.Model.Rules;

/// <summary>Action of a <c>req*</c>/<c>rsp*</c> regex rule (1.4's ACT_*).</summary>
public enum RegexAction
{
    Replace,
    Delete,
    Deny,
    Pass,
    Allow,
    Tarpit,
    SetBackend,
}

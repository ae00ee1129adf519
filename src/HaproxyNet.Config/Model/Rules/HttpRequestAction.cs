namespace HaproxyNet.Config.Model.Rules;

/// <summary>Actions of <c>http-request</c> (and <c>stats http-request</c>) in 1.4.</summary>
public enum HttpRequestAction
{
    Allow,
    Deny,
    Auth,
}

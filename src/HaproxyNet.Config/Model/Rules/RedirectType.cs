namespace HaproxyNet.Config.Model.Rules;

/// <summary>What a <c>redirect</c> rule builds its Location from.</summary>
public enum RedirectType
{
    Location,
    Prefix,
    Scheme,
}

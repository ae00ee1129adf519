namespace HaproxyNet.Config.Lint;

/// <summary>How much a lint finding matters; none of them changes 1.4's <c>-c</c> verdict.</summary>
public enum LintSeverity
{
    /// <summary>A consequence of another finding, worth knowing when fixing it.</summary>
    Notice,

    /// <summary>A configuration that 1.4 accepts but that will hold sessions back under normal load.</summary>
    Warning,
}

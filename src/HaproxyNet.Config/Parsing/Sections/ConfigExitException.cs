namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>A place where 1.4 calls <c>exit(1)</c> in the middle of parsing: no summary line follows.</summary>
internal sealed class ConfigExitException : Exception
{
    public ConfigExitException()
        : base("haproxy exits during parsing")
    {
    }

    public ConfigExitException(string message)
        : base(message)
    {
    }

    public ConfigExitException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

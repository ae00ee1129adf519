namespace HaproxyNet.Config.Parsing.Values;

/// <summary>The unit a time keyword is expressed in when no suffix is written (TIME_UNIT_*).</summary>
public enum TimeUnit
{
    Milliseconds,
    Seconds,
}

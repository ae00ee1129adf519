namespace HaproxyNet.Testing.Engine;

/// <summary>How a scripted client ends once its actions are done.</summary>
public enum SimCloseMode
{
    /// <summary>Half-close, read until the peer closes, then close.</summary>
    Graceful,

    /// <summary>Wait for the peer to close first.</summary>
    Wait,

    /// <summary>Plain close.</summary>
    Close,

    /// <summary>Close with RST.</summary>
    Reset,
}

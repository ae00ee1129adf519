namespace HaproxyNet.LogDiff.Comparison;

/// <summary>Plain-words meaning of a session termination state (<c>sQ</c> = server timeout / queued).</summary>
/// <remarks>The codes are HAProxy's <c>sess_term_cond</c> and <c>sess_fin_state</c> (log.c); manual section 8.5.</remarks>
public static class TerminationStates
{
    /// <summary><c>"sQ=server timeout/queued"</c>; a value shorter than two characters is returned as is.</summary>
    public static string Explain(string state)
    {
        if (state.Length < 2)
        {
            return state;
        }

        return $"{state}={Cause(state[0])}/{Phase(state[1])}";
    }

    private static string Cause(char code) => code switch
    {
        '-' => "normal",
        'C' => "client abort",
        'S' => "server abort/refused",
        'P' => "proxy (haproxy) decision",
        'R' => "resource",
        'I' => "internal error",
        'c' => "client timeout",
        's' => "server timeout",
        'D' => "down server killed it",
        'K' => "killed by admin",
        _ => "?",
    };

    private static string Phase(char code) => code switch
    {
        '-' => "normal",
        'R' => "waiting for request",
        'Q' => "queued",
        'C' => "connecting",
        'H' => "waiting for headers",
        'D' => "data",
        'L' => "last data",
        'T' => "tarpit",
        _ => "?",
    };
}

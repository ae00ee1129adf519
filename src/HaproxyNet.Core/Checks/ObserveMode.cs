namespace HaproxyNet.Core.Checks;

/// <summary><c>observe</c> (1.4's HANA_OBS_*).</summary>
public enum ObserveMode
{
    /// <summary>No observation.</summary>
    None,

    /// <summary><c>observe layer4</c>.</summary>
    Layer4,

    /// <summary><c>observe layer7</c>.</summary>
    Layer7,
}

/// <summary><c>on-error</c> (1.4's HANA_ONERR_*).</summary>
public enum OnErrorAction
{
    /// <summary><c>fastinter</c>: only bring the next check forward.</summary>
    FastInter,

    /// <summary><c>fail-check</c> (default): count as a failed check.</summary>
    FailCheck,

    /// <summary><c>sudden-death</c>: a pre-fatal failed check.</summary>
    SuddenDeath,

    /// <summary><c>mark-down</c>: mark the server down at once.</summary>
    MarkDown,
}

/// <summary>What the traffic reported (1.4's HANA_STATUS_*), with the texts of <c>analyze_statuses[]</c>.</summary>
public enum AnalyzeStatus
{
    /// <summary>L4 successful connection.</summary>
    L4Ok,

    /// <summary>L4 unsuccessful connection.</summary>
    L4Error,

    /// <summary>Correct http response.</summary>
    HttpOk,

    /// <summary>Wrong http response.</summary>
    HttpStatus,

    /// <summary>Invalid http response (headers).</summary>
    HttpHeaderResponse,

    /// <summary>Invalid http response.</summary>
    HttpResponse,

    /// <summary>Read error (http).</summary>
    HttpReadError,

    /// <summary>Read timeout (http).</summary>
    HttpReadTimeout,

    /// <summary>Close from server (http).</summary>
    HttpBrokenPipe,
}

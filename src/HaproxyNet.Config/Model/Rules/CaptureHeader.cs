namespace HaproxyNet.Config.Model.Rules;

/// <summary><c>capture request|response header &lt;name&gt; len &lt;n&gt;</c> or <c>capture cookie</c>.</summary>
public sealed record CaptureHeader(string Name, int Length);

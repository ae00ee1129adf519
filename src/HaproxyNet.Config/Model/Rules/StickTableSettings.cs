namespace HaproxyNet.Config.Model.Rules;

/// <summary><c>stick-table type ip|integer|string [len n] size &lt;n&gt; [expire &lt;t&gt;] [nopurge]</c>.</summary>
public sealed record StickTableSettings(string Type, int KeyLength, uint Size, uint ExpireMs, bool NoPurge);

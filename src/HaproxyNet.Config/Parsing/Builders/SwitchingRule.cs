using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Parsing.Builders;

/// <summary>A rule naming another proxy (use_backend, reqsetbe), resolved after parsing.</summary>
internal sealed record SwitchingRule(string Target, SourceSpan Span);

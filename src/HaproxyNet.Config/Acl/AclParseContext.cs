using HaproxyNet.Config.Environment;

namespace HaproxyNet.Config.Acl;

/// <summary>What ACL parsing needs from the line being read.</summary>
/// <param name="File">Configuration file name as given on the command line (for positions and messages).</param>
/// <param name="Line">Line number of the <c>acl</c> line or of the rule holding the condition.</param>
/// <param name="Environment">Reads <c>-f</c> pattern files and resolves host names in IP patterns.</param>
/// <param name="Sink">Receives the warning 1.4 prints from inside <c>parse_acl</c> (space before '(').</param>
public sealed record AclParseContext(string File, int Line, IConfigEnvironment Environment, IDiagnosticSink Sink);

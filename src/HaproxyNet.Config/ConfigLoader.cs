using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Sections;
using HaproxyNet.Config.Validation;

namespace HaproxyNet.Config;

/// <summary>
/// Front door of the config library: reads every <c>-f</c> file in order (<c>readcfgfile</c>), then runs the
/// post-parse checks (<c>check_config_validity</c>), emitting 1.4.25's exact diagnostics to the sink.
/// </summary>
/// <remarks>Mirrors the configuration part of <c>haproxy.c init</c>.</remarks>
public static partial class ConfigLoader
{
    /// <summary>Reads <paramref name="files"/> in order and validates the result.</summary>
    /// <returns>The model with exit code 0, or exit code 1 once a fatal alert or an abort happened.</returns>
    public static ConfigLoadResult Load(
        IReadOnlyList<string> files, ConfigLoadOptions options, IConfigEnvironment environment, IDiagnosticSink sink)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(sink);

        var diag = new Diagnostics(sink, options.Quiet, options.Verbose);
        var state = new ParseState(options, environment, diag);
        var err = ErrorCode.None;
        try
        {
            foreach (var file in files)
            {
                var ret = ReadFile(state, file, out var openError);
                if (ret == ErrorCode.All)
                {
                    diag.Alert($"Could not open configuration file {file} : {openError}\n");
                    return new ConfigLoadResult(null, 1, diag.Quiet);
                }

                if ((ret & (ErrorCode.Abort | ErrorCode.Fatal)) != 0)
                {
                    diag.Alert($"Error(s) found in configuration file : {file}\n");
                }

                err |= ret;
                if ((err & ErrorCode.Abort) != 0)
                {
                    return new ConfigLoadResult(null, 1, diag.Quiet);
                }
            }

            err |= ConfigValidator.CheckConfigValidity(state);
        }
        catch (ConfigExitException)
        {
            return new ConfigLoadResult(null, 1, diag.Quiet);
        }

        if ((err & (ErrorCode.Abort | ErrorCode.Fatal)) != 0)
        {
            diag.Alert("Fatal errors found in configuration.\n");
            return new ConfigLoadResult(null, 1, diag.Quiet);
        }

        return new ConfigLoadResult(ModelFreezer.Freeze(state), 0, diag.Quiet && !diag.Verbose);
    }

    /// <summary>Opens and parses one file; <see cref="ErrorCode.All"/> with the strerror text when 1.4 says "Could not open".</summary>
    private static ErrorCode ReadFile(ParseState state, string file, out string openError)
    {
        using var stream = state.Environment.OpenConfigFile(file, out openError);
        if (stream is null)
        {
            return ErrorCode.All;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var ret = ConfigFileReader.ReadCfgFile(state, file, buffer.ToArray());

        // A section parser returning -1 (description without text) ends up here too, with errno 0.
        openError = "Success";
        return ret;
    }
}

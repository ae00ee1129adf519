#if !NATIVE_AOT
using System.Reflection;
using System.Runtime.CompilerServices;

namespace HaproxyNet.Host.Runtime;

/// <summary>Compiles the engine's methods before the first connection arrives.</summary>
/// <remarks>
/// 1.4 is native code: its first connection costs what every other one does. Here the first accept, connect
/// and log line would each pay for just-in-time compilation (measured 45-105 ms of extra <c>Tc</c> on a
/// loaded 2-core machine, beyond the harness's 100 ms tolerance), so every non-generic method of the engine,
/// I/O and log assemblies is prepared once at startup, before binding. The Native AOT binary is compiled ahead of
/// time and has no JIT: this class is not compiled into it (<c>NATIVE_AOT</c>, set by the Host project when published
/// with <c>PublishAot</c>), so the reflection here only ever runs untrimmed.
/// </remarks>
internal static class JitWarmup
{
    private static Thread? s_early;

    /// <summary>
    /// Starts compiling the engine on a background thread at process start, beside the configuration reader
    /// (the two take about as long; a daemon child or a reload pays the larger one instead of their sum).
    /// </summary>
    public static void Begin()
    {
        if (s_early is not null)
        {
            return;
        }

        s_early = new Thread(static () => PrepareEngine()) { Name = "haproxynet-warmup", IsBackground = true };
        s_early.Start();
    }

    /// <summary>Waits for <see cref="Begin"/>'s thread, or compiles the engine here when none was started.</summary>
    public static void Complete()
    {
        if (s_early is { } thread)
        {
            thread.Join();
            return;
        }

        PrepareEngine();
    }

    private static int PrepareEngine() => Prepare(
        typeof(Core.EngineLoop).Assembly, typeof(IO.NetworkFactory).Assembly, typeof(Logging.Syslog.SyslogLogSink).Assembly)
        + PrepareAcl();

    /// <summary>
    /// The parts of the configuration assembly the engine runs per request: ACL matching and the regexes of the
    /// layer-7 rules, and the condition evaluator instantiated for the engine's evaluator (generic, so not found
    /// by <see cref="Prepare"/>).
    /// </summary>
    private static int PrepareAcl()
    {
        var count = 0;
        foreach (var type in typeof(Config.Acl.AclCondition).Assembly.GetTypes())
        {
            if (type.Namespace == "HaproxyNet.Config.Acl" && !type.ContainsGenericParameters)
            {
                count += PrepareType(type);
            }
        }

        var execute = typeof(Config.Acl.AclCondition).GetMethod(nameof(Config.Acl.AclCondition.Execute))!;
        count += TryPrepare(execute.MethodHandle, typeof(Core.Acl.SessionAclEvaluator).TypeHandle);
        return count;
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
        BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Prepares every method with a body of every non-generic type of <paramref name="assemblies"/>.</summary>
    /// <returns>The number of methods prepared.</returns>
    public static int Prepare(params Assembly[] assemblies)
    {
        var count = 0;
        foreach (var assembly in assemblies)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = Array.FindAll(e.Types, static t => t is not null)!;
            }

            foreach (var type in types)
            {
                if (type.ContainsGenericParameters)
                {
                    continue;
                }

                count += PrepareType(type);
            }
        }

        return count;
    }

    private static int PrepareType(Type type)
    {
        var count = 0;
        foreach (var method in type.GetMethods(All))
        {
            if (method.IsAbstract || method.ContainsGenericParameters || (method.MethodImplementationFlags & MethodImplAttributes.InternalCall) != 0)
            {
                continue;
            }

            count += TryPrepare(method.MethodHandle);
        }

        foreach (var ctor in type.GetConstructors(All))
        {
            count += TryPrepare(ctor.MethodHandle);
        }

        return count;
    }

    private static int TryPrepare(RuntimeMethodHandle handle, params RuntimeTypeHandle[] instantiation)
    {
        try
        {
            if (instantiation.Length > 0)
            {
                RuntimeHelpers.PrepareMethod(handle, instantiation);
                return 1;
            }

            RuntimeHelpers.PrepareMethod(handle);
            return 1;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or TypeLoadException or BadImageFormatException or MissingMethodException)
        {
            return 0; // P/Invoke stubs and the like: compiled on first call as usual
        }
    }
}
#endif

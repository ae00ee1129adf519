namespace HaproxyNet.Config.Model;

/// <summary>The whole validated configuration: the immutable model the engine is built from.</summary>
/// <remarks>Placeholder shape agreed between helpers; the config helper owns and extends it.</remarks>
public sealed partial record ConfigDocument;

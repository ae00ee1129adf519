namespace HaproxyNet.Config.Tests.Property;

/// <summary>The edits <see cref="ConfigMutator"/> applies to a configuration's bytes.</summary>
public enum Mutation
{
    DeleteLine,
    DuplicateLine,
    SwapLines,
    DropWord,
    ChangeWord,
    InsertGarbage,
    InsertLongLine,
    Truncate,
    SpliceOtherFile,
}

namespace HaproxyNet.Core.StreamInterfaces;

/// <summary>Error types of a stream interface (1.4's SI_ET_*), in <c>default_srv_error</c>'s priority order.</summary>
[Flags]
public enum SiErrType
{
    None = 0,
    QueueTo = 1,
    QueueErr = 2,
    QueueAbrt = 4,
    ConnTo = 8,
    ConnErr = 16,
    ConnAbrt = 32,
    ConnOther = 64,
    DataTo = 128,
    DataErr = 256,
    DataAbrt = 512,
}

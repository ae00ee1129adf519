using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.Testing.Engine;

/// <summary>One outgoing connect the engine asked the simulated network for.</summary>
public sealed record SimConnectAttempt(IPEndPoint Target, IPEndPoint? Source, SocketOptions Options);

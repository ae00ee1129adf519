using BenchmarkDotNet.Attributes;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Benchmarks;

/// <summary>
/// The in-place HTTP parser (<see cref="HttpMsgAnalyzer"/>) and its helpers on three typical messages: a browser
/// request (parse + method + HTTP/1.1 + body length), a response with 10 headers (parse + status + body length),
/// and a chunked body of 16 chunks with extensions and a trailer (chunk helpers only). Each operation reuses the
/// message and index, as the transaction does: 0 B allocated is the target.
/// </summary>
/// <remarks>
/// Run by hand: <c>dotnet run -c Release --project tests/HaproxyNet.Benchmarks -- --filter *HttpParser* --job short</c>.
/// </remarks>
[MemoryDiagnoser]
public class HttpParserBenchmarks
{
    private readonly HttpMsg _msg = new();
    private readonly HdrIdx _idx = new();
    private byte[] _request = null!;
    private byte[] _response = null!;
    private byte[] _chunked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = "GET /static/js/app.min.js?v=20261207 HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0\r\nAccept: */*\r\nAccept-Language: en-US,en;q=0.5\r\nAccept-Encoding: gzip, deflate, br\r\nReferer: https://www.example.com/\r\nConnection: keep-alive\r\nCookie: SERVERID=s1; session=0123456789abcdef0123456789abcdef; _ga=GA1.2.123456789.1700000000\r\nSec-Fetch-Dest: script\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Site: same-origin\r\nIf-None-Match: \"5f3a-60c8b2\"\r\n\r\n"u8.ToArray();
        _response = "HTTP/1.1 200 OK\r\nDate: Mon, 07 Dec 2026 02:00:00 GMT\r\nServer: Apache/2.4.57 (Debian)\r\nLast-Modified: Sun, 06 Dec 2026 02:00:00 GMT\r\nETag: \"5f3a-60c8b2\"\r\nAccept-Ranges: bytes\r\nContent-Length: 24378\r\nCache-Control: max-age=3600\r\nVary: Accept-Encoding\r\nContent-Type: application/javascript\r\nKeep-Alive: timeout=5, max=100\r\n\r\n"u8.ToArray();
        var body = new List<byte>();
        for (var i = 0; i < 16; i++)
        {
            body.AddRange(i % 4 == 0 ? "100;ext=1\r\n"u8.ToArray() : "100\r\n"u8.ToArray());
            body.AddRange(new byte[256]);
            body.AddRange("\r\n"u8.ToArray());
        }

        body.AddRange("0\r\nX-Checksum: abc\r\n\r\n"u8.ToArray());
        _chunked = [.. body];
    }

    [Benchmark]
    public long BrowserRequest()
    {
        _msg.ResetRequest(0, false);
        HttpMsgAnalyzer.Analyze(_request, _msg, _idx);
        var meth = HttpMethods.Find(_request, _msg);
        var v11 = HttpVersion.RequestIsHttp11(_request, _msg);
        HttpBodyLength.Request(_request, _msg, _idx, v11, out var flags);
        return (long)meth + (long)flags + _msg.Eoh;
    }

    [Benchmark]
    public long Response10Headers()
    {
        _msg.ResetResponse(0, false);
        HttpMsgAnalyzer.Analyze(_response, _msg, _idx);
        var status = HttpVersion.ParseStatus(_response, _msg);
        HttpBodyLength.Response(_response, _msg, _idx, HttpVersion.ResponseIsHttp11(_response, _msg), HttpMeth.Get, status, out var flags);
        return status + (long)flags + _msg.BodyLength;
    }

    [Benchmark]
    public long ChunkedBody()
    {
        var data = _chunked;
        _msg.ResetRequest(0, false);
        _msg.State = HttpMsgState.ChunkSize;
        while (_msg.State != HttpMsgState.Done)
        {
            switch (_msg.State)
            {
                case HttpMsgState.ChunkSize:
                    HttpChunk.ParseChunkSize(data, _msg);
                    break;
                case HttpMsgState.Data:
                    _msg.Next += (int)_msg.ChunkLength;
                    _msg.State = HttpMsgState.DataCrlf;
                    break;
                case HttpMsgState.DataCrlf:
                    HttpChunk.SkipChunkCrlf(data, _msg);
                    break;
                case HttpMsgState.Trailers:
                    HttpChunk.ForwardTrailers(data, _msg);
                    break;
                default:
                    return -1;
            }
        }

        return _msg.BodyLength;
    }
}

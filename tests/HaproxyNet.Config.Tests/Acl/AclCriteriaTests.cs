using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class AclCriteriaTests
{
    // Every criterion row of spec/acl.tsv with its value type and match column.
    [Theory]
    [InlineData("always_true", AclValueType.None, AclMatchKind.Nothing)]
    [InlineData("always_false", AclValueType.None, AclMatchKind.Nothing)]
    [InlineData("wait_end", AclValueType.None, AclMatchKind.Nothing)]
    [InlineData("src", AclValueType.Ip, AclMatchKind.Ip)]
    [InlineData("src_port", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("dst", AclValueType.Ip, AclMatchKind.Ip)]
    [InlineData("dst_port", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("dst_conn", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("fe_id", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("so_id", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("be_id", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("srv_id", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("nbsrv", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("connslots", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("fe_sess_rate", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("be_sess_rate", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("fe_conn", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("be_conn", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("queue", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("avg_queue", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("srv_is_up", AclValueType.None, AclMatchKind.Nothing)]
    [InlineData("req_len", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("req_ssl_ver", AclValueType.DottedVersion, AclMatchKind.Integer)]
    [InlineData("req_rdp_cookie", AclValueType.String, AclMatchKind.String)]
    [InlineData("req_rdp_cookie_cnt", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("req_proto_http", AclValueType.None, AclMatchKind.Nothing)]
    [InlineData("method", AclValueType.Method, AclMatchKind.Method)]
    [InlineData("req_ver", AclValueType.String, AclMatchKind.String)]
    [InlineData("url", AclValueType.String, AclMatchKind.String)]
    [InlineData("url_beg", AclValueType.String, AclMatchKind.Begin)]
    [InlineData("url_end", AclValueType.String, AclMatchKind.End)]
    [InlineData("url_sub", AclValueType.String, AclMatchKind.Substring)]
    [InlineData("url_dir", AclValueType.String, AclMatchKind.Directory)]
    [InlineData("url_dom", AclValueType.String, AclMatchKind.Domain)]
    [InlineData("url_reg", AclValueType.Regex, AclMatchKind.Regex)]
    [InlineData("url_len", AclValueType.Integer, AclMatchKind.Length)]
    [InlineData("url_ip", AclValueType.Ip, AclMatchKind.Ip)]
    [InlineData("url_port", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("path", AclValueType.String, AclMatchKind.String)]
    [InlineData("path_beg", AclValueType.String, AclMatchKind.Begin)]
    [InlineData("path_end", AclValueType.String, AclMatchKind.End)]
    [InlineData("path_sub", AclValueType.String, AclMatchKind.Substring)]
    [InlineData("path_dir", AclValueType.String, AclMatchKind.Directory)]
    [InlineData("path_dom", AclValueType.String, AclMatchKind.Domain)]
    [InlineData("path_reg", AclValueType.Regex, AclMatchKind.Regex)]
    [InlineData("path_len", AclValueType.Integer, AclMatchKind.Length)]
    [InlineData("hdr", AclValueType.String, AclMatchKind.String)]
    [InlineData("hdr_beg", AclValueType.String, AclMatchKind.Begin)]
    [InlineData("hdr_end", AclValueType.String, AclMatchKind.End)]
    [InlineData("hdr_sub", AclValueType.String, AclMatchKind.Substring)]
    [InlineData("hdr_dir", AclValueType.String, AclMatchKind.Directory)]
    [InlineData("hdr_dom", AclValueType.String, AclMatchKind.Domain)]
    [InlineData("hdr_reg", AclValueType.Regex, AclMatchKind.Regex)]
    [InlineData("hdr_cnt", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("hdr_len", AclValueType.Integer, AclMatchKind.Length)]
    [InlineData("hdr_val", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("hdr_ip", AclValueType.Ip, AclMatchKind.Ip)]
    [InlineData("http_auth", AclValueType.None, AclMatchKind.Auth)]
    [InlineData("http_auth_group", AclValueType.StringConcat, AclMatchKind.Auth)]
    [InlineData("http_first_req", AclValueType.None, AclMatchKind.Nothing)]
    [InlineData("status", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("resp_ver", AclValueType.String, AclMatchKind.String)]
    [InlineData("shdr", AclValueType.String, AclMatchKind.String)]
    [InlineData("shdr_beg", AclValueType.String, AclMatchKind.Begin)]
    [InlineData("shdr_end", AclValueType.String, AclMatchKind.End)]
    [InlineData("shdr_sub", AclValueType.String, AclMatchKind.Substring)]
    [InlineData("shdr_dir", AclValueType.String, AclMatchKind.Directory)]
    [InlineData("shdr_dom", AclValueType.String, AclMatchKind.Domain)]
    [InlineData("shdr_reg", AclValueType.Regex, AclMatchKind.Regex)]
    [InlineData("shdr_cnt", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("shdr_len", AclValueType.Integer, AclMatchKind.Length)]
    [InlineData("shdr_val", AclValueType.Integer, AclMatchKind.Integer)]
    [InlineData("shdr_ip", AclValueType.Ip, AclMatchKind.Ip)]
    public void TryFind_SpecCriterion_HasSpecTypes(string name, AclValueType valueType, AclMatchKind match)
    {
        Assert.True(AclCriteria.TryFind(name, out var criterion));
        Assert.Equal(name, criterion.Name);
        Assert.Equal(valueType, criterion.ValueType);
        Assert.Equal(match, criterion.Match);
    }

    [Fact]
    public void All_Count_MatchesSpecTable()
    {
        Assert.Equal(73, AclCriteria.All.Count);
        Assert.Equal(AclCriteria.All.Count, AclCriteria.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("hdr(host)", "hdr")]
    [InlineData("hdr_beg(x-forwarded-for)", "hdr_beg")]
    [InlineData("nbsrv(app)", "nbsrv")]
    [InlineData("src(whatever)", "src")]
    [InlineData("hdr(", "hdr")]
    public void TryFind_WordWithParenthesis_ComparesPrefixOnly(string word, string expected)
    {
        Assert.True(AclCriteria.TryFind(word, out var criterion));
        Assert.Equal(expected, criterion.Name);
    }

    [Theory]
    [InlineData("url_starts_with")]
    [InlineData("Hdr")]
    [InlineData("hdr_")]
    [InlineData("cook")]
    [InlineData("time")]
    [InlineData("")]
    [InlineData("(host)")]
    public void TryFind_UnknownOrDisabledCriterion_Fails(string word)
    {
        Assert.False(AclCriteria.TryFind(word, out _));
    }

    [Theory]
    [InlineData("status", true)]
    [InlineData("resp_ver", true)]
    [InlineData("shdr_sub", true)]
    [InlineData("hdr_sub", false)]
    [InlineData("srv_id", false)]
    [InlineData("src", false)]
    public void IsResponseOnly_Criterion_FollowsAclUseBits(string name, bool expected)
    {
        Assert.True(AclCriteria.TryFind(name, out var criterion));
        Assert.Equal(expected, criterion.IsResponseOnly);
    }

    [Theory]
    [InlineData("url", true)]
    [InlineData("hdr_sub", true)]
    [InlineData("req_len", true)]
    [InlineData("src", false)]
    [InlineData("method", false)]
    [InlineData("status", false)]
    [InlineData("nbsrv", false)]
    public void Requires_Criterion_RequestVolatileBitAsIn14(string name, bool volatileRequest)
    {
        Assert.True(AclCriteria.TryFind(name, out var criterion));
        Assert.Equal(volatileRequest, (criterion.Requires & AclUse.RequestVolatile) != 0);
    }
}

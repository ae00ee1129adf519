using HaproxyNet.Host.Cli;

namespace HaproxyNet.Host.Tests.Cli;

public class CLongTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("  42", 42L)]
    [InlineData("\t\n\v\f\r 7", 7L)]
    [InlineData("+5", 5L)]
    [InlineData("-5", -5L)]
    [InlineData("12abc", 12L)]
    [InlineData("1 2", 1L)]
    [InlineData("abc", 0L)]
    [InlineData("", 0L)]
    [InlineData("-", 0L)]
    [InlineData("+-1", 0L)]
    [InlineData("0x10", 0L)]
    [InlineData("007", 7L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9223372036854775808", long.MaxValue)]
    [InlineData("99999999999999999999999", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("-9223372036854775809", long.MinValue)]
    public void Atol_Text_ParsedLikeGlibc(string text, long expected) => Assert.Equal(expected, CLong.Atol(text));

    [Theory]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("2147483648", int.MinValue)]
    [InlineData("4294967295", -1)]
    [InlineData("4294967296", 0)]
    [InlineData("-2147483649", int.MaxValue)]
    public void AtolToInt_Text_LowThirtyTwoBits(string text, int expected) => Assert.Equal(expected, CLong.AtolToInt(text));
}

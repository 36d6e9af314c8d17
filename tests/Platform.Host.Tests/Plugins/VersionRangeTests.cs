using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

public sealed class VersionRangeTests
{
    [Theory]
    [InlineData("[1.0,2.0)", "1.0", true)]
    [InlineData("[1.0,2.0)", "1.9", true)]
    [InlineData("[1.0,2.0)", "2.0", false)]
    [InlineData("[1.1,2.0)", "1.0", false)]
    [InlineData("(1.0,2.0]", "1.0", false)]
    [InlineData("(1.0,2.0]", "2.0", true)]
    [InlineData("1.0", "7.3", true)]
    [InlineData("1.2", "1.1", false)]
    [InlineData("(,2.0)", "0.1", true)]
    [InlineData("[1.0,1.0]", "1.0", true)]
    public void Contains_FollowsIntervalNotation(string range, string version, bool expected) =>
        Assert.Equal(expected, VersionRange.Parse(range).Contains(Version.Parse(version)));

    [Theory]
    [InlineData("")]
    [InlineData("[1.0")]
    [InlineData("[2.0,1.0)")]
    [InlineData("(,)")]
    [InlineData("[a,b]")]
    [InlineData("[1.0,2.0,3.0]")]
    public void TryParse_RefusesMalformedRanges(string text) => Assert.False(VersionRange.TryParse(text, out _));
}

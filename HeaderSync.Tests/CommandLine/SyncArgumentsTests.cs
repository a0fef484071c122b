using HeaderSync.Data.Decisions;
using HeaderSync.Web.CommandLine;

namespace HeaderSync.Tests.CommandLine;

public sealed class SyncArgumentsTests
{
    [Fact]
    public void MailboxesMayFollowOneOptionOrRepeatIt()
    {
        var parsed = SyncArguments.Parse(["--mailbox", "a@contoso.com", "b@contoso.com", "--mailbox", "c-id", "--full"]);

        Assert.Equal(["a@contoso.com", "b@contoso.com", "c-id"], parsed.Mailboxes);
        Assert.True(parsed.Full);
        Assert.False(parsed.All);
        Assert.Null(parsed.Mode);
    }

    [Theory]
    [InlineData("header-only", SyncMode.HeaderOnly)]
    [InlineData("standard", SyncMode.Standard)]
    public void ModeOverridesTheOrgSetting(string mode, SyncMode expected) =>
        Assert.Equal(expected, SyncArguments.Parse(["--all", "--mode", mode]).Mode);

    [Theory]
    [InlineData("")]
    [InlineData("--all --mailbox a@contoso.com")]
    [InlineData("--mailbox")]
    [InlineData("--all --mode fast")]
    [InlineData("--all --mode")]
    [InlineData("--all --verbose")]
    public void WrongArgumentsAreAUsageError(string command) =>
        Assert.Throws<UsageException>(() => SyncArguments.Parse(command.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}

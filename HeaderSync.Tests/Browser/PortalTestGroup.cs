namespace HeaderSync.Tests.Browser;

/// <summary>Every test of the running portal shares one app and one browser, and runs serially.</summary>
[CollectionDefinition(Name)]
public sealed class PortalTestGroup : ICollectionFixture<PortalFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Portal";
}

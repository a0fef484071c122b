namespace HeaderSync.Tests.Sync;

/// <summary>Engine tests share one tenant and run one after another, as they read its request log.</summary>
[CollectionDefinition(Name)]
public sealed class EngineTestGroup : ICollectionFixture<EngineTenantFixture>
{
    public const string Name = "Engine";
}

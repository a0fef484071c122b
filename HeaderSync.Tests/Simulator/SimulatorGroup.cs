namespace HeaderSync.Tests.Simulator;

[CollectionDefinition(Name)]
public sealed class SimulatorGroup : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Simulated tenant";
}

namespace HeaderSync.Simulator.Hosting;

/// <summary>Every log event id of the simulator, in one place so none repeats.</summary>
internal static class SimulatorLogEvents
{
    public const int Started = 9000;
    public const int Generated = 9001;
    public const int GraphRejectedToken = 9010;
    public const int GraphFailed = 9011;
    public const int FaultsChanged = 9020;
    public const int MessagePosted = 9030;
    public const int MessageDeleted = 9031;
    public const int MessageMoved = 9032;
    public const int TokenIssued = 9040;
}

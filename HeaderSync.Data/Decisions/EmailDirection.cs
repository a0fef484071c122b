namespace HeaderSync.Data.Decisions;

public enum EmailDirection
{
    Inbound = 1,
    Outbound = 2,
}

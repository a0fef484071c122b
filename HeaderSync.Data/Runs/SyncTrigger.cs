namespace HeaderSync.Data.Runs;

public enum SyncTrigger
{
    Schedule = 1,
    Resync = 2,
    CommandLine = 3,
}

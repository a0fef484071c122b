namespace HeaderSync.Data.Runs;

public enum SyncOutcome
{
    Completed = 1,
    Failed = 2,
    Skipped = 3,
}

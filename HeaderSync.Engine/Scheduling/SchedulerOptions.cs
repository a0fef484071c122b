namespace HeaderSync.Engine.Scheduling;

/// <summary>The <c>Scheduler</c> configuration section: how Quartz keeps the mailboxes' schedules.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    // Several portal nodes share one job store on the database server; each mailbox's job runs
    // on one node at a time and a dead node's jobs are recovered by another.
    public bool Clustered { get; set; }
}

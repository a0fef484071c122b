namespace HeaderSync.Engine.Graph;

/// <summary>Graph's per-mailbox request budget; waits when the window is spent.</summary>
public interface IRequestBudget
{
    ValueTask ConsumeAsync(CancellationToken cancellationToken);
}

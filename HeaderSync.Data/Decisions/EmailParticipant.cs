namespace HeaderSync.Data.Decisions;

/// <summary>One address on an email, normalised, for the review page's participant filter.</summary>
public sealed class EmailParticipant
{
    public long Id { get; set; }

    public long EmailDecisionId { get; set; }

    public ParticipantRole Role { get; set; }

    public required string Address { get; set; }

    public required string Domain { get; set; }

    public string? DisplayName { get; set; }
}

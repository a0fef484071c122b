namespace HeaderSync.Engine.Relevance;

/// <summary>Why no change to the basis decides an email the other way.</summary>
public enum FlipBlocker
{
    None = 0,

    // Both rules run before any list is looked at and read only the email itself.
    Sensitive = 1,
    Automated = 2,

    /// <summary>Every participant is in an internal domain verified in the tenant.</summary>
    VerifiedInternalDomains = 3,

    /// <summary>The email names no address outside the organisation to add.</summary>
    NoExternalParticipant = 4,
}

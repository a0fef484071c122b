namespace HeaderSync.Simulator.Identity;

/// <summary>A pending authorization code of the sign-in flow.</summary>
internal sealed record AuthorizationCode(
    string ClientId,
    string RedirectUri,
    Guid UserId,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    DateTimeOffset ExpiresAt);

namespace HeaderSync.Simulator.Tenant;

/// <summary>A directory user of the simulated tenant; every user has a mailbox.</summary>
public sealed record SimulatedUser(
    int Number,
    Guid Id,
    string UserPrincipalName,
    string DisplayName,
    string GivenName,
    string Surname,
    string JobTitle,
    bool IsAdmin);

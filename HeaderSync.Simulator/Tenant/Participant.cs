namespace HeaderSync.Simulator.Tenant;

/// <summary>A display name and an address, as Graph's emailAddress carries them.</summary>
public sealed record Participant(string Name, string Address)
{
    public string Domain => Address[(Address.LastIndexOf('@') + 1)..];
}

namespace HeaderSync.Data.Basis;

/// <summary>A person outside the organisation whom the sales team works with.</summary>
public sealed class Prospect
{
    public int Id { get; set; }

    public required string Email { get; set; }

    public string? Name { get; set; }

    public string? Company { get; set; }

    public string? AccountDomain { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

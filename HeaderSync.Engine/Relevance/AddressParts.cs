namespace HeaderSync.Engine.Relevance;

/// <summary>A normalised address as slices of its text; letter case is left to the comparer.</summary>
internal readonly ref struct AddressParts
{
    public AddressParts(ReadOnlySpan<char> address, int at)
    {
        Address = address;
        At = at;
    }

    public ReadOnlySpan<char> Address { get; }

    public int At { get; }

    public ReadOnlySpan<char> Local => Address[..At];

    public ReadOnlySpan<char> Domain => Address[(At + 1)..];
}

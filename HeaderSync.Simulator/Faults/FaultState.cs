namespace HeaderSync.Simulator.Faults;

/// <summary>The faults in force; replaced whole by <c>PUT /_simulator/faults</c>.</summary>
internal sealed class FaultState(FaultOptions initial)
{
    private FaultOptions _current = initial.Clone();

    public FaultOptions Current => Volatile.Read(ref _current);

    public void Replace(FaultOptions faults)
    {
        faults.Validate();
        Volatile.Write(ref _current, faults.Clone());
    }
}

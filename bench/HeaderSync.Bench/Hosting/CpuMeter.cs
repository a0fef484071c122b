using System.Diagnostics;

namespace HeaderSync.Bench.Hosting;

/// <summary>
/// Processor time spent by the engine (this process) and by the simulated tenant's process from
/// the meter's start, so a scenario can say which side of the wire its wall time went to.
/// </summary>
internal sealed class CpuMeter : IDisposable
{
    private readonly Process self = Process.GetCurrentProcess();
    private readonly TenantProcess tenant;
    private readonly TimeSpan engineAtStart;
    private readonly TimeSpan tenantAtStart;

    private CpuMeter(TenantProcess tenant)
    {
        this.tenant = tenant;
        engineAtStart = self.TotalProcessorTime;
        tenantAtStart = tenant.CpuTime;
    }

    public static CpuMeter Start(TenantProcess tenant) => new(tenant);

    /// <summary>Core-seconds used since the start: the engine's and the tenant's.</summary>
    public (double Engine, double Tenant) Read()
    {
        self.Refresh();
        return ((self.TotalProcessorTime - engineAtStart).TotalSeconds, (tenant.CpuTime - tenantAtStart).TotalSeconds);
    }

    public static string Describe((double Engine, double Tenant) cpu, TimeSpan wall) => FormattableString.Invariant(
        $"CPU during the run: engine process {cpu.Engine:F1} s, simulated tenant process {cpu.Tenant:F1} s (of {wall.TotalSeconds * Environment.ProcessorCount:F1} core-seconds available).");

    public void Dispose() => self.Dispose();
}

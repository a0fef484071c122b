namespace HeaderSync.Web.Hosting;

/// <summary>Where the portal finds the simulated Microsoft 365 tenant in Development.</summary>
public sealed class SimulatorHostingOptions
{
    public const string Section = "Simulator";

    public bool Enabled { get; set; }

    // The root of an already running standalone simulator, without /v1.0.
    public string? Url { get; set; }

    public bool InUse => Enabled || !string.IsNullOrWhiteSpace(Url);
}

namespace HeaderSync.Simulator.Faults;

/// <summary>
/// Faults and limits, bound from <c>Simulator:Faults</c> and replaceable at run time.
/// Rates are probabilities from 0 to 1, drawn per request.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Added to <c>Simulator:LatencyMs</c> for every Graph request.</summary>
    public int LatencyMsPerRequest { get; set; }

    public int LatencyMsPerKb { get; set; }

    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    public int RequestBudgetPerWindow { get; set; } = 10_000;

    public int BudgetWindowSeconds { get; set; } = 600;

    public double ThrottleRate { get; set; }

    /// <summary>Retry-After sent with injected 429s: whole ("2") or decimal ("2.128") seconds.</summary>
    public string RetryAfter { get; set; } = "1";

    public double ServiceUnavailableRate { get; set; }

    public double GatewayTimeoutRate { get; set; }

    /// <summary>Every delta request carrying a token answers 410 Gone.</summary>
    public bool ExpireDeltaTokens { get; set; }

    /// <summary>When above 0, a round's page number N or later answers 410 Gone.</summary>
    public int ExpireDeltaAfterPages { get; set; }

    /// <summary><c>SyncStateNotFound</c> or <c>resyncRequired</c>.</summary>
    public string DeltaExpiryCode { get; set; } = "SyncStateNotFound";

    public double DeltaReplayRate { get; set; }

    public double DeltaSparseRate { get; set; }

    /// <summary>The app holds only Mail.ReadBasic.All: content is refused with 403.</summary>
    public bool HeaderOnlyPermission { get; set; }

    /// <summary>Id or user principal name of one mailbox that answers 401.</summary>
    public string? UnauthorizedMailbox { get; set; }

    public SentItemHeadersMode SentItemHeaders { get; set; } = SentItemHeadersMode.Never;

    /// <summary>Share of messages whose internetMessageHeaders lack From, Sender, Reply-To, To, Cc.</summary>
    public double HeaderAddressesMissingRate { get; set; }

    public FaultOptions Clone() => (FaultOptions)MemberwiseClone();

    public void Validate()
    {
        static void Rate(double value, string key)
        {
            if (value is < 0 or > 1)
            {
                throw new InvalidOperationException($"Simulator:Faults:{key} must be between 0 and 1.");
            }
        }

        Rate(ThrottleRate, nameof(ThrottleRate));
        Rate(ServiceUnavailableRate, nameof(ServiceUnavailableRate));
        Rate(GatewayTimeoutRate, nameof(GatewayTimeoutRate));
        Rate(DeltaReplayRate, nameof(DeltaReplayRate));
        Rate(DeltaSparseRate, nameof(DeltaSparseRate));
        Rate(HeaderAddressesMissingRate, nameof(HeaderAddressesMissingRate));

        if (LatencyMsPerRequest < 0 || LatencyMsPerKb < 0)
        {
            throw new InvalidOperationException(
                "Simulator:Faults:LatencyMsPerRequest and LatencyMsPerKb must not be negative.");
        }

        if (MaxConcurrentRequestsPerMailbox < 1 || RequestBudgetPerWindow < 1 || BudgetWindowSeconds < 1)
        {
            throw new InvalidOperationException(
                "Simulator:Faults:MaxConcurrentRequestsPerMailbox, RequestBudgetPerWindow and "
                + "BudgetWindowSeconds must be at least 1.");
        }

        if (!double.TryParse(RetryAfter, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
        {
            throw new InvalidOperationException("Simulator:Faults:RetryAfter must be a number of seconds.");
        }

        if (DeltaExpiryCode is not ("SyncStateNotFound" or "resyncRequired"))
        {
            throw new InvalidOperationException(
                "Simulator:Faults:DeltaExpiryCode must be SyncStateNotFound or resyncRequired.");
        }
    }
}

using HeaderSync.Simulator.Generation;

namespace HeaderSync.Simulator.Evidence;

/// <summary>What the generator meant a message to be, served by the mailbox evidence endpoint.</summary>
public sealed record MessageEvidence(
    string Id,
    string InternetMessageId,
    string Folder,
    Scenario? Scenario,
    ExpectedDecision? ExpectedDecision,
    ExpectedReason? ExpectedReason,
    string? Canary,
    string? KeepMarker);

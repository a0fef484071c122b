namespace HeaderSync.Engine.Mailboxes;

/// <summary>A user of the tenant's directory, as the add-mailboxes search shows it.</summary>
public sealed record DirectoryUser(string GraphUserId, string Address, string? DisplayName, bool AlreadyAdded);

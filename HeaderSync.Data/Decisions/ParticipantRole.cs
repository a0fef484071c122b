namespace HeaderSync.Data.Decisions;

public enum ParticipantRole
{
    From = 1,
    Sender = 2,
    ReplyTo = 3,
    To = 4,
    Cc = 5,
    Bcc = 6,
}

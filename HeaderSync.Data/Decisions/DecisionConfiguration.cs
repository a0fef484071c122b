using HeaderSync.Data.Mailboxes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeaderSync.Data.Decisions;

internal sealed class DecisionConfiguration :
    IEntityTypeConfiguration<EmailDecision>,
    IEntityTypeConfiguration<EmailParticipant>,
    IEntityTypeConfiguration<EmailContent>,
    IEntityTypeConfiguration<DailyDecisionCount>
{
    public void Configure(EntityTypeBuilder<EmailDecision> builder)
    {
        builder.ToTable("EmailDecisions");
        builder.Property(d => d.GraphMessageId).HasMaxLength(256);
        builder.Property(d => d.InternetMessageId).HasMaxLength(998);
        builder.Property(d => d.ConversationId).HasMaxLength(256);
        builder.Property(d => d.Subject).HasMaxLength(1000);
        builder.Property(d => d.ThreadMessageIds).HasMaxLength(4000);

        // A resync never duplicates: one decision per mailbox and immutable Graph id.
        builder.HasIndex(d => new { d.MailboxId, d.GraphMessageId }).IsUnique();

        // Keyset paging on (received, id), alone and under the review page's filters.
        builder.HasIndex(d => new { d.ReceivedAt, d.Id });
        builder.HasIndex(d => new { d.MailboxId, d.ReceivedAt, d.Id });
        builder.HasIndex(d => new { d.MailboxId, d.Decision, d.ReceivedAt, d.Id });
        builder.HasIndex(d => new { d.Decision, d.ReceivedAt, d.Id });
        builder.HasIndex(d => new { d.Reason, d.ReceivedAt, d.Id });

        // The Thread rule and re-decision look decisions up by these.
        builder.HasIndex(d => new { d.MailboxId, d.InternetMessageId });
        builder.HasIndex(d => new { d.MailboxId, d.ConversationId });
        builder.HasIndex(d => new { d.MailboxId, d.Decision, d.BasisVersion });

        builder.HasOne<Mailbox>().WithMany().HasForeignKey(d => d.MailboxId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Participants).WithOne().HasForeignKey(p => p.EmailDecisionId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Content).WithOne().HasForeignKey<EmailContent>(c => c.EmailDecisionId)
            .OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EmailParticipant> builder)
    {
        builder.ToTable("EmailParticipants");
        builder.Property(p => p.Address).HasMaxLength(320);
        builder.Property(p => p.Domain).HasMaxLength(253);
        builder.Property(p => p.DisplayName).HasMaxLength(300);
        builder.HasIndex(p => p.Address);
        builder.HasIndex(p => p.Domain);
    }

    public void Configure(EntityTypeBuilder<EmailContent> builder)
    {
        builder.ToTable("EmailContents");
        builder.HasKey(c => c.EmailDecisionId);
    }

    public void Configure(EntityTypeBuilder<DailyDecisionCount> builder)
    {
        builder.HasKey(c => new { c.MailboxId, c.Day, c.Decision, c.Reason });
        builder.HasOne<Mailbox>().WithMany().HasForeignKey(c => c.MailboxId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

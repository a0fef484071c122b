using HeaderSync.Data.Mailboxes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeaderSync.Data.Runs;

internal sealed class SyncRunConfiguration :
    IEntityTypeConfiguration<SyncRun>,
    IEntityTypeConfiguration<SyncRunState>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.RequestedBy).HasMaxLength(320);
        builder.Property(r => r.Node).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => new { r.MailboxId, r.StartedAt });
        builder.HasOne<Mailbox>().WithMany().HasForeignKey(r => r.MailboxId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.States).WithOne().HasForeignKey(s => s.SyncRunId)
            .OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SyncRunState> builder)
    {
        builder.Property(s => s.Detail).HasMaxLength(500);
    }
}

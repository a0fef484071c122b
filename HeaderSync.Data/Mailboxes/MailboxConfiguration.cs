using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeaderSync.Data.Mailboxes;

internal sealed class MailboxConfiguration :
    IEntityTypeConfiguration<Mailbox>,
    IEntityTypeConfiguration<DeltaCursor>
{
    public void Configure(EntityTypeBuilder<Mailbox> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.OwnerAddress).HasMaxLength(320);
        builder.Property(m => m.DisplayName).HasMaxLength(200);
        builder.Property(m => m.GraphUserId).HasMaxLength(100);
        builder.Property(m => m.AddedBy).HasMaxLength(320);
        builder.Property(m => m.RemovedBy).HasMaxLength(320);
        builder.Property(m => m.LeaseOwner).HasMaxLength(200);
        builder.HasIndex(m => m.OwnerAddress).IsUnique();
        builder.HasIndex(m => m.GraphUserId);

        builder.OwnsOne(m => m.Status, status =>
        {
            status.Property(s => s.State).HasColumnName("State");
            status.Property(s => s.LastError).HasMaxLength(2000);
            status.Property(s => s.Warning).HasMaxLength(500);
        });
        builder.Navigation(m => m.Status).IsRequired();

        builder.HasMany<DeltaCursor>().WithOne().HasForeignKey(c => c.MailboxId);
    }

    public void Configure(EntityTypeBuilder<DeltaCursor> builder)
    {
        builder.HasKey(c => new { c.MailboxId, c.Folder, c.Mode });
        builder.Property(c => c.Link).HasMaxLength(8000);
    }
}

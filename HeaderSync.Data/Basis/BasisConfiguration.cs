using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HeaderSync.Data.Basis;

internal sealed class BasisConfiguration :
    IEntityTypeConfiguration<BasisState>,
    IEntityTypeConfiguration<InternalDomain>,
    IEntityTypeConfiguration<Prospect>,
    IEntityTypeConfiguration<Exclusion>
{
    public void Configure(EntityTypeBuilder<BasisState> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Property(b => b.ChangedBy).HasMaxLength(320);
    }

    public void Configure(EntityTypeBuilder<InternalDomain> builder)
    {
        builder.Property(d => d.Domain).HasMaxLength(253);
        builder.Property(d => d.AddedBy).HasMaxLength(320);
        builder.HasIndex(d => d.Domain).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Prospect> builder)
    {
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Company).HasMaxLength(200);
        builder.Property(p => p.AccountDomain).HasMaxLength(253);
        builder.HasIndex(p => p.Email).IsUnique();
        builder.HasIndex(p => p.AccountDomain);
    }

    public void Configure(EntityTypeBuilder<Exclusion> builder)
    {
        builder.Property(e => e.Value).HasMaxLength(320);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.AddedBy).HasMaxLength(320);
        builder.HasIndex(e => e.Value).IsUnique();
    }
}

using HeaderSync.Data.Audit;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Data.Runs;
using HeaderSync.Data.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HeaderSync.Data.Database;

public sealed class HeaderSyncDbContext(DbContextOptions<HeaderSyncDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<OrgSettings> OrgSettings => Set<OrgSettings>();

    public DbSet<BasisState> BasisStates => Set<BasisState>();

    public DbSet<InternalDomain> InternalDomains => Set<InternalDomain>();

    public DbSet<Prospect> Prospects => Set<Prospect>();

    public DbSet<Exclusion> Exclusions => Set<Exclusion>();

    public DbSet<Mailbox> Mailboxes => Set<Mailbox>();

    public DbSet<DeltaCursor> DeltaCursors => Set<DeltaCursor>();

    public DbSet<EmailDecision> EmailDecisions => Set<EmailDecision>();

    public DbSet<EmailParticipant> EmailParticipants => Set<EmailParticipant>();

    public DbSet<EmailContent> EmailContents => Set<EmailContent>();

    public DbSet<DailyDecisionCount> DailyDecisionCounts => Set<DailyDecisionCount>();

    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    public DbSet<SyncRunState> SyncRunStates => Set<SyncRunState>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    // The portal's data-protection key ring, shared by every node (sign-in cookies, antiforgery).
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Tokens are spelled the same in the database as on the command line and in the UI.
        configurationBuilder.Properties<Decision>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DecisionReason>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SyncMode>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EmailProvider>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MailboxState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MailFolder>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EmailDirection>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ParticipantRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SyncTrigger>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SyncOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ExclusionKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<InternalDomainSource>().HaveConversion<string>().HaveMaxLength(16);

        // SQLite cannot order or compare DateTimeOffset text; every time is stored in UTC, so
        // the binary form orders correctly and keyset paging on received time works.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>()
                .HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>()
                .HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        // PostgreSQL's timestamptz takes only UTC values; a time parsed with its sender's offset
        // is turned to UTC on the way in.
        if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HeaderSyncDbContext).Assembly);

        // On SQLite a write with RETURNING keeps a statement journal: a copy of every page the
        // row touches, written to a temporary file before the change, so the one statement could
        // be undone inside its transaction. EF's inserts and updates read keys and row counts
        // through changes() and last_insert_rowid() instead, which need no such copy.
        if (Database.IsSqlite())
        {
            foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                entity.UseSqlReturningClause(false);
            }
        }

        modelBuilder.Entity<OrgSettings>().HasData(new OrgSettings
        {
            UpdatedAt = DateTimeOffset.UnixEpoch,
        });
        modelBuilder.Entity<BasisState>().HasData(new BasisState
        {
            ChangedAt = DateTimeOffset.UnixEpoch,
        });
    }
}

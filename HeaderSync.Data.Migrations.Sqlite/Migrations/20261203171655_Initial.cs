using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeaderSync.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BasisStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BasisStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Exclusions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exclusions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InternalDomains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InternalDomains", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mailboxes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerAddress = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GraphUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status_Progress = table.Column<double>(type: "REAL", nullable: true),
                    Status_HeadersScanned = table.Column<int>(type: "INTEGER", nullable: false),
                    Status_Synced = table.Column<int>(type: "INTEGER", nullable: false),
                    Status_Ignored = table.Column<int>(type: "INTEGER", nullable: false),
                    Status_BodiesDownloaded = table.Column<int>(type: "INTEGER", nullable: false),
                    Status_LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status_NextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status_ThrottledUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Status_LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status_Warning = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status_ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    Status_UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BudgetWindowStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BudgetRequestsUsed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mailboxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrgSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    HeaderOnlySync = table.Column<bool>(type: "INTEGER", nullable: false),
                    SyncIntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountDomainMatching = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewRetentionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentRetentionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Prospects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Company = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AccountDomain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prospects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailyDecisionCounts",
                columns: table => new
                {
                    MailboxId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyDecisionCounts", x => new { x.MailboxId, x.Day, x.Decision, x.Reason });
                    table.ForeignKey(
                        name: "FK_DailyDecisionCounts_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DeltaCursors",
                columns: table => new
                {
                    MailboxId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RoundComplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    RoundStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeltaCursors", x => new { x.MailboxId, x.Folder, x.Mode });
                    table.ForeignKey(
                        name: "FK_DeltaCursors_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmailDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GraphMessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InternetMessageId = table.Column<string>(type: "TEXT", maxLength: 998, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Folder = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Trace = table.Column<string>(type: "TEXT", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BodyDownloaded = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BasisVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewClearedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContentPurgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailDecisions_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MailboxId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Full = table.Column<bool>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HeadersScanned = table.Column<int>(type: "INTEGER", nullable: false),
                    Synced = table.Column<int>(type: "INTEGER", nullable: false),
                    Ignored = table.Column<int>(type: "INTEGER", nullable: false),
                    BodiesDownloaded = table.Column<int>(type: "INTEGER", nullable: false),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    Throttled = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRuns_Mailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "Mailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmailContents",
                columns: table => new
                {
                    EmailDecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    BodyText = table.Column<string>(type: "TEXT", nullable: true),
                    BodyHtml = table.Column<string>(type: "TEXT", nullable: true),
                    Headers = table.Column<string>(type: "TEXT", nullable: true),
                    DownloadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailContents", x => x.EmailDecisionId);
                    table.ForeignKey(
                        name: "FK_EmailContents_EmailDecisions_EmailDecisionId",
                        column: x => x.EmailDecisionId,
                        principalTable: "EmailDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmailParticipants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmailDecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailParticipants_EmailDecisions_EmailDecisionId",
                        column: x => x.EmailDecisionId,
                        principalTable: "EmailDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRunStates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SyncRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunStates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunStates_SyncRuns_SyncRunId",
                        column: x => x.SyncRunId,
                        principalTable: "SyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "BasisStates",
                columns: new[] { "Id", "ChangedAt", "ChangedBy", "Version" },
                values: new object[] { 1, 1272537022464000000L, null, 1L });

            migrationBuilder.InsertData(
                table: "OrgSettings",
                columns: new[] { "Id", "AccountDomainMatching", "ContentRetentionDays", "HeaderOnlySync", "HistoryWindowDays", "ReviewRetentionDays", "SyncIntervalMinutes", "UpdatedAt", "UpdatedBy", "Version" },
                values: new object[] { 1, true, null, false, 90, 30, 15, 1272537022464000000L, null, 0 });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Action",
                table: "AuditEvents",
                column: "Action");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_At_Id",
                table: "AuditEvents",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_Decision_ReceivedAt_Id",
                table: "EmailDecisions",
                columns: new[] { "Decision", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_MailboxId_ConversationId",
                table: "EmailDecisions",
                columns: new[] { "MailboxId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_MailboxId_Decision_BasisVersion",
                table: "EmailDecisions",
                columns: new[] { "MailboxId", "Decision", "BasisVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_MailboxId_Decision_ReceivedAt_Id",
                table: "EmailDecisions",
                columns: new[] { "MailboxId", "Decision", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_MailboxId_GraphMessageId",
                table: "EmailDecisions",
                columns: new[] { "MailboxId", "GraphMessageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_MailboxId_InternetMessageId",
                table: "EmailDecisions",
                columns: new[] { "MailboxId", "InternetMessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_MailboxId_ReceivedAt_Id",
                table: "EmailDecisions",
                columns: new[] { "MailboxId", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_Reason_ReceivedAt_Id",
                table: "EmailDecisions",
                columns: new[] { "Reason", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDecisions_ReceivedAt_Id",
                table: "EmailDecisions",
                columns: new[] { "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailParticipants_Address",
                table: "EmailParticipants",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_EmailParticipants_Domain",
                table: "EmailParticipants",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_EmailParticipants_EmailDecisionId",
                table: "EmailParticipants",
                column: "EmailDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Exclusions_Value",
                table: "Exclusions",
                column: "Value",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InternalDomains_Domain",
                table: "InternalDomains",
                column: "Domain",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_GraphUserId",
                table: "Mailboxes",
                column: "GraphUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Mailboxes_OwnerAddress",
                table: "Mailboxes",
                column: "OwnerAddress",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_AccountDomain",
                table: "Prospects",
                column: "AccountDomain");

            migrationBuilder.CreateIndex(
                name: "IX_Prospects_Email",
                table: "Prospects",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunStates_SyncRunId",
                table: "SyncRunStates",
                column: "SyncRunId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_MailboxId_StartedAt",
                table: "SyncRuns",
                columns: new[] { "MailboxId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "BasisStates");

            migrationBuilder.DropTable(
                name: "DailyDecisionCounts");

            migrationBuilder.DropTable(
                name: "DeltaCursors");

            migrationBuilder.DropTable(
                name: "EmailContents");

            migrationBuilder.DropTable(
                name: "EmailParticipants");

            migrationBuilder.DropTable(
                name: "Exclusions");

            migrationBuilder.DropTable(
                name: "InternalDomains");

            migrationBuilder.DropTable(
                name: "OrgSettings");

            migrationBuilder.DropTable(
                name: "Prospects");

            migrationBuilder.DropTable(
                name: "SyncRunStates");

            migrationBuilder.DropTable(
                name: "EmailDecisions");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropTable(
                name: "Mailboxes");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeaderSync.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MailboxRemovedMarker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RemovedAt",
                table: "Mailboxes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Mailboxes",
                type: "TEXT",
                maxLength: 320,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Mailboxes");

            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "Mailboxes");
        }
    }
}

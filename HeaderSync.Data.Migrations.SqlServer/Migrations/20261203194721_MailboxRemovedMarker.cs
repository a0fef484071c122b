using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeaderSync.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MailboxRemovedMarker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemovedAt",
                table: "Mailboxes",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Mailboxes",
                type: "nvarchar(320)",
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HeaderSync.Data.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ThreadMessageIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ThreadMessageIds",
                table: "EmailDecisions",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ThreadMessageIds",
                table: "EmailDecisions");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgendaStartEndIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgendaEvents_StartUtc",
                table: "AgendaEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaEvents_StartUtc_EndUtc",
                table: "AgendaEvents",
                columns: new[] { "StartUtc", "EndUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AgendaEvents_StartUtc_EndUtc",
                table: "AgendaEvents");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaEvents_StartUtc",
                table: "AgendaEvents",
                column: "StartUtc");
        }
    }
}

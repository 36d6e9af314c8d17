using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgendaVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgendaVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AgendaVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            // Provider-specific: the triggers that bump the version on every change to what a feed is made of.
            migrationBuilder.Sql(Platform.Host.Features.Calendar.AgendaVersion.TriggersSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Calendar.AgendaVersion.DropTriggersSql);

            migrationBuilder.DropTable(
                name: "AgendaVersions");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "DirectoryVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            // Provider-specific: the triggers that bump the version on every change to what a search shows.
            migrationBuilder.Sql(Platform.Host.Features.Companies.DirectoryVersion.TriggersSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.DirectoryVersion.DropTriggersSql);

            migrationBuilder.DropTable(
                name: "DirectoryVersions");
        }
    }
}

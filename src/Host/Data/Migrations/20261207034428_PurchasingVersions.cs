using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <summary>The queues' version row and its triggers: the queue page keeps what it read with it (decision 0020).</summary>
    public partial class PurchasingVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PurchasingVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchasingVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PurchasingVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            // Provider-specific: the triggers that bump the version on every change to what a queue page shows.
            migrationBuilder.Sql(Platform.Host.Features.Purchasing.PurchasingVersion.TriggersSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Purchasing.PurchasingVersion.DropTriggersSql);

            migrationBuilder.DropTable(
                name: "PurchasingVersions");
        }
    }
}

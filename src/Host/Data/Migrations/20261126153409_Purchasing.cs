using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class Purchasing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PurchasingQueues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    MinimumQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    OpensAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganizerNetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedQuantity = table.Column<long>(type: "INTEGER", nullable: true),
                    FinalUnitPrice = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: true),
                    NextSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchasingQueues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurchasingQueues_Networks_OrganizerNetworkId",
                        column: x => x.OrganizerNetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PurchasingHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QueueId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchasingHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurchasingHistory_PurchasingQueues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "PurchasingQueues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PurchasingPledges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QueueId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchasingPledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurchasingPledges_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PurchasingPledges_PurchasingQueues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "PurchasingQueues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PurchasingPriceTiers",
                columns: table => new
                {
                    QueueId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromQuantity = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchasingPriceTiers", x => new { x.QueueId, x.FromQuantity });
                    table.ForeignKey(
                        name: "FK_PurchasingPriceTiers_PurchasingQueues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "PurchasingQueues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PurchasingQueueNetworks",
                columns: table => new
                {
                    QueueId = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchasingQueueNetworks", x => new { x.QueueId, x.NetworkId });
                    table.ForeignKey(
                        name: "FK_PurchasingQueueNetworks_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PurchasingQueueNetworks_PurchasingQueues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "PurchasingQueues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PurchasingRequests",
                columns: table => new
                {
                    QueueId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurchasingRequests", x => new { x.QueueId, x.Key });
                    table.ForeignKey(
                        name: "FK_PurchasingRequests_PurchasingQueues_QueueId",
                        column: x => x.QueueId,
                        principalTable: "PurchasingQueues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PurchasingHistory_QueueId_Id",
                table: "PurchasingHistory",
                columns: new[] { "QueueId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PurchasingPledges_CompanyId",
                table: "PurchasingPledges",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchasingPledges_QueueId_CompanyId",
                table: "PurchasingPledges",
                columns: new[] { "QueueId", "CompanyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PurchasingQueueNetworks_NetworkId",
                table: "PurchasingQueueNetworks",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchasingQueues_OrganizerNetworkId",
                table: "PurchasingQueues",
                column: "OrganizerNetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_PurchasingQueues_Status_DeadlineUtc",
                table: "PurchasingQueues",
                columns: new[] { "Status", "DeadlineUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PurchasingHistory");

            migrationBuilder.DropTable(
                name: "PurchasingPledges");

            migrationBuilder.DropTable(
                name: "PurchasingPriceTiers");

            migrationBuilder.DropTable(
                name: "PurchasingQueueNetworks");

            migrationBuilder.DropTable(
                name: "PurchasingRequests");

            migrationBuilder.DropTable(
                name: "PurchasingQueues");
        }
    }
}

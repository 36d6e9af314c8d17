using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Plugins.Formation.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "formation_programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CarrierNetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BudgetCents = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetTrainees = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "formation_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOnUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_formation_meetings_formation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "formation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "formation_need_responses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Employees = table.Column<int>(type: "INTEGER", nullable: false),
                    PreferredPeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_need_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_formation_need_responses_formation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "formation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "formation_programme_partners",
                columns: table => new
                {
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_programme_partners", x => new { x.ProgrammeId, x.NetworkId });
                    table.ForeignKey(
                        name: "FK_formation_programme_partners_formation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "formation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "formation_specifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_specifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_formation_specifications_formation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "formation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "formation_themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SpecificationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_formation_themes_formation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "formation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_formation_themes_formation_specifications_SpecificationId",
                        column: x => x.SpecificationId,
                        principalTable: "formation_specifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "formation_modules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpecificationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DurationHours = table.Column<int>(type: "INTEGER", nullable: false),
                    MinParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingBody = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SessionCostCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_modules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_formation_modules_formation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "formation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_formation_modules_formation_specifications_SpecificationId",
                        column: x => x.SpecificationId,
                        principalTable: "formation_specifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_formation_modules_formation_themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "formation_themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "formation_need_response_themes",
                columns: table => new
                {
                    NeedResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_need_response_themes", x => new { x.NeedResponseId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_formation_need_response_themes_formation_need_responses_NeedResponseId",
                        column: x => x.NeedResponseId,
                        principalTable: "formation_need_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_formation_need_response_themes_formation_themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "formation_themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "formation_sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ModuleId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleaseAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GoNoGoAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CostCents = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedIntoSessionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_formation_sessions_formation_modules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "formation_modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_formation_sessions_formation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "formation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "formation_enrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyId = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    TraineeName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EnrolledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_formation_enrolments_formation_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "formation_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "formation_session_quotas",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    NetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formation_session_quotas", x => new { x.SessionId, x.NetworkId });
                    table.ForeignKey(
                        name: "FK_formation_session_quotas_formation_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "formation_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_formation_enrolments_CompanyId",
                table: "formation_enrolments",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_enrolments_SessionId_CompanyId",
                table: "formation_enrolments",
                columns: new[] { "SessionId", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_formation_meetings_ProgrammeId_HeldOnUtc",
                table: "formation_meetings",
                columns: new[] { "ProgrammeId", "HeldOnUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_formation_modules_ProgrammeId",
                table: "formation_modules",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_modules_SpecificationId",
                table: "formation_modules",
                column: "SpecificationId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_modules_ThemeId",
                table: "formation_modules",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_need_response_themes_ThemeId",
                table: "formation_need_response_themes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_need_responses_ProgrammeId_CompanyId",
                table: "formation_need_responses",
                columns: new[] { "ProgrammeId", "CompanyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_formation_programme_partners_NetworkId",
                table: "formation_programme_partners",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_programmes_CarrierNetworkId",
                table: "formation_programmes",
                column: "CarrierNetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_sessions_ModuleId",
                table: "formation_sessions",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_sessions_ProgrammeId_StartUtc",
                table: "formation_sessions",
                columns: new[] { "ProgrammeId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_formation_specifications_ProgrammeId",
                table: "formation_specifications",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_formation_themes_ProgrammeId_Name",
                table: "formation_themes",
                columns: new[] { "ProgrammeId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_formation_themes_SpecificationId",
                table: "formation_themes",
                column: "SpecificationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "formation_enrolments");

            migrationBuilder.DropTable(
                name: "formation_meetings");

            migrationBuilder.DropTable(
                name: "formation_need_response_themes");

            migrationBuilder.DropTable(
                name: "formation_programme_partners");

            migrationBuilder.DropTable(
                name: "formation_session_quotas");

            migrationBuilder.DropTable(
                name: "formation_need_responses");

            migrationBuilder.DropTable(
                name: "formation_sessions");

            migrationBuilder.DropTable(
                name: "formation_modules");

            migrationBuilder.DropTable(
                name: "formation_themes");

            migrationBuilder.DropTable(
                name: "formation_specifications");

            migrationBuilder.DropTable(
                name: "formation_programmes");
        }
    }
}

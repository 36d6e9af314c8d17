using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class Annuaire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnimatorEmail",
                table: "Networks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnimatorName",
                table: "Networks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnimatorPhone",
                table: "Networks",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Labels",
                table: "Networks",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Website",
                table: "Networks",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NafLabel",
                table: "Companies",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "Companies",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Companies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Commune",
                table: "Companies",
                column: "Commune");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Headcount",
                table: "Companies",
                column: "Headcount");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Sector",
                table: "Companies",
                column: "Sector");

            // Provider-specific: the FTS5 search tables and their sync triggers (see FullTextIndex).
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.CreateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.DropSql);

            migrationBuilder.DropIndex(
                name: "IX_Companies_Commune",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Headcount",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Sector",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "AnimatorEmail",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "AnimatorName",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "AnimatorPhone",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "Labels",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "Website",
                table: "Networks");

            migrationBuilder.DropColumn(
                name: "NafLabel",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "Sector",
                table: "Companies");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Companies");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <summary>The skills, the needs and the NAF label of the companies, each in a full-text index of its own, for the suggestions (decision 0006, amendment 5).</summary>
    public partial class SuggestionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.SuggestionIndexesByIdSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.DropSuggestionIndexesByIdSql);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <summary>The suggestions' indexes rebuilt with each company under its id negated: newest first in the index's own order (decision 0006, amendment 6).</summary>
    public partial class SuggestionIndexesNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.DropSuggestionIndexesByIdSql + Platform.Host.Features.Companies.FullTextIndex.SuggestionIndexesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.DropSuggestionIndexesSql + Platform.Host.Features.Companies.FullTextIndex.SuggestionIndexesByIdSql);
        }
    }
}

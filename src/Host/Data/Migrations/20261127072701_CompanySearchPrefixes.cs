using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <summary>The companies' full-text index rebuilt with prefix indexes (decision 0006, amendment 3).</summary>
    public partial class CompanySearchPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.CompanyPrefixesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.CompanyWithoutPrefixesSql);
        }
    }
}

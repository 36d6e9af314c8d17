using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <summary>The companies' names by id, for the search's window to read without the companies' rows (decision 0006, amendment 8).</summary>
    public partial class CompanyNamesById : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.CompanyNamesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.DropCompanyNamesSql);
        }
    }
}

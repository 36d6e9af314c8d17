using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <summary>The networks' full-text index dropped: the search finds the networks in memory (decision 0023).</summary>
    public partial class NetworksSearchedInMemory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.DropNetworksSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Companies.FullTextIndex.NetworksSql);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Host.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgendaVersionSeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Provider-specific: the registrations move the agenda's version too (the list shows the seats left).
            migrationBuilder.Sql(Platform.Host.Features.Calendar.AgendaVersion.SeatTriggersSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Platform.Host.Features.Calendar.AgendaVersion.DropSeatTriggersSql);
        }
    }
}

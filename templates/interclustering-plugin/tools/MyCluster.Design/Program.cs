// Nothing runs here: this project only gives `dotnet ef` the runtime the plugin borrows from the host.
Console.WriteLine("Projet de conception pour dotnet ef : voir README.md.");

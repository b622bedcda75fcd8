using System.CommandLine;
using Highlights.Silo.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights keys create --tenant NAME</c>: makes an API key and prints it once (only its hash is stored).</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var tenant = new Option<string>("--tenant") { Description = "Tenant the key acts for; it sees only this tenant's videos", Required = true };
        var create = new Command("create", "Create an API key for a tenant and print it") { tenant, db };
        create.SetAction((parse, cancellationToken) => DatabaseHost.RunAsync(
            parse.GetValue(db),
            async (services, ct) =>
            {
                var key = await services.GetRequiredService<ApiKeyStore>().CreateAsync(parse.GetValue(tenant)!, ct);
                Console.Error.WriteLine($"API key for tenant {parse.GetValue(tenant)} (shown once; send it as 'Authorization: Bearer KEY'):");
                Console.WriteLine(key);
                return ExitCodes.Ok;
            },
            cancellationToken,
            services => services.AddSingleton<ApiKeyStore>()));
        return new Command("keys", "API keys for the HTTP API") { create };
    }
}

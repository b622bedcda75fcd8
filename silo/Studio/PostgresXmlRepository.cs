using System.Xml.Linq;
using Highlights.Silo.Database;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace Highlights.Silo.Studio;

/// <summary>
/// ASP.NET data protection's key ring in the cluster database (<c>data_protection_keys</c>): every silo reads the same
/// keys, so a studio cookie works on whichever silo answers. Data protection calls it rarely (start, key rotation) and
/// synchronously.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = db.CreateCommand("select xml from data_protection_keys order by created_at, name");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = db.CreateCommand("insert into data_protection_keys (name, xml) values (@name, @xml) on conflict (name) do nothing");
        command.With("name", friendlyName).With("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}

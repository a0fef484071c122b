using System.Text;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Evidence;

/// <summary>The CRM in DESIGN.md's prospect CSV and exclusions-file formats.</summary>
internal static class CrmExports
{
    public static string ProspectsCsv(Crm crm)
    {
        var csv = new StringBuilder("email,name,company,account_domain\n");
        foreach (var p in crm.Prospects)
        {
            csv.Append(Field(p.Email)).Append(',').Append(Field(p.Name)).Append(',')
                .Append(Field(p.Company)).Append(',').Append(Field(p.AccountDomain)).Append('\n');
        }

        return csv.ToString();
    }

    public static string Exclusions(Crm crm)
    {
        var file = new StringBuilder("# Addresses and domains whose email is never synced\n");
        foreach (var address in crm.ExcludedAddresses)
        {
            file.Append(address).Append('\n');
        }

        foreach (var domain in crm.ExcludedWildcardDomains)
        {
            file.Append("# every address at ").Append(domain).Append('\n');
            file.Append("*@").Append(domain).Append('\n');
        }

        foreach (var domain in crm.ExcludedDomains)
        {
            file.Append(domain).Append('\n');
        }

        return file.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', ';', '\n']) < 0
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

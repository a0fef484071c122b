using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// The prospect CSV of DESIGN.md, for `decide` and the import page: a header row with `email`
/// (or `Email Address`, `E-mail`) and optional `name`, `company`, `account_domain`.
/// </summary>
public static class ProspectCsvParser
{
    public static async Task<ProspectCsvResult> ParseAsync(
        TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);

        var prospects = new List<ParsedProspect>();
        var errors = new List<LineError>();
        var records = new CsvRecordReader(reader);
        var header = await records.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            errors.Add(new LineError(1, "the file is empty: a header row with an email column is needed"));
            return new ProspectCsvResult(prospects, errors);
        }

        var columns = Columns.From(header.Fields);
        if (columns.Email < 0)
        {
            errors.Add(new LineError(
                header.Line, "the header row has no email column (email, Email Address or E-mail)"));
            return new ProspectCsvResult(prospects, errors);
        }

        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (await records.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (record.Unclosed)
            {
                errors.Add(new LineError(
                    record.Line, "a quoted field is not closed before the end of the file"));
                continue;
            }

            var error = TryRead(record, columns, firstLineOf, out var prospect);
            if (error is not null)
            {
                errors.Add(new LineError(record.Line, error));
                continue;
            }

            firstLineOf[prospect!.Address] = record.Line;
            prospects.Add(new ParsedProspect(record.Line, prospect));
        }

        return new ProspectCsvResult(prospects, errors);
    }

    private static string? TryRead(
        CsvRecord record, Columns columns, Dictionary<string, int> firstLineOf, out Prospect? prospect)
    {
        prospect = null;
        var email = Field(record, columns.Email);

        // The address comes first: a duplicate is named by it, whatever else the line holds.
        if (email is not null && EmailAddresses.TryNormalizeStrict(email, out var address, out _)
            && firstLineOf.TryGetValue(address, out var firstLine))
        {
            return $"{address} is a duplicate of line {firstLine}";
        }

        if (!Prospect.TryCreate(
            email,
            Field(record, columns.Name),
            Field(record, columns.Company),
            Field(record, columns.AccountDomain),
            out prospect,
            out var problems))
        {
            return problems[0].ForFile();
        }

        return null;
    }

    private static string? Field(CsvRecord record, int index)
    {
        if (index < 0 || index >= record.Fields.Count)
        {
            return null;
        }

        var value = record.Fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    private readonly record struct Columns(int Email, int Name, int Company, int AccountDomain)
    {
        public static Columns From(IReadOnlyList<string> header)
        {
            int email = -1, name = -1, company = -1, accountDomain = -1;
            for (var i = 0; i < header.Count; i++)
            {
                // `E-mail`, `Email Address`, `account_domain` and `Account Domain` all fold alike.
                switch (Fold(header[i]))
                {
                    case "email" or "emailaddress" when email < 0:
                        email = i;
                        break;
                    case "name" when name < 0:
                        name = i;
                        break;
                    case "company" when company < 0:
                        company = i;
                        break;
                    case "accountdomain" when accountDomain < 0:
                        accountDomain = i;
                        break;
                }
            }

            return new Columns(email, name, company, accountDomain);
        }

        private static string Fold(string name)
        {
            var folded = new System.Text.StringBuilder(name.Length);
            foreach (var c in name)
            {
                if (!char.IsWhiteSpace(c) && c is not ('-' or '_'))
                {
                    folded.Append(char.ToLowerInvariant(c));
                }
            }

            return folded.ToString();
        }
    }
}

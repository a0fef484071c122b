using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HeaderSync.Data.Database;

/// <summary>
/// Inserts rows of one entity type on SQLite through one statement, prepared once and run for
/// every row, in the context's open transaction. EF Core batches inserts on SQL Server and
/// PostgreSQL but sends SQLite a statement per row, each built and prepared anew; a delta page of
/// a few hundred rows spent most of its write there while holding the database's only writer.
/// Columns, names and value conversions come from the model, so the rows read back through EF
/// exactly as if it had written them. Rows are not tracked; a generated key is read back.
/// <para>
/// A generated key is read with <c>last_insert_rowid()</c>, not <c>RETURNING</c>: SQLite runs a
/// <c>RETURNING</c> insert as a statement that may need undoing on its own, so it first copies
/// every B-tree page the row touches (the table and each of its indexes) into a statement journal,
/// spilled to a temporary file: tens of kilobytes per email.
/// </para>
/// </summary>
public sealed class SqliteRowInserter<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Parameter)[] columns;
    private readonly Action<T, long>? generatedKey;

    /// <param name="generatedKey">Receives the key SQLite generated for each row, when the table has one.</param>
    public SqliteRowInserter(DbContext db, Action<T, long>? generatedKey = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("SqliteRowInserter writes to SQLite only.");
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("SqliteRowInserter writes inside the context's transaction only.");
        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var key = entity.FindPrimaryKey()!.Properties;
        var generated = key.Count == 1 && key[0].ValueGenerated != ValueGenerated.Never ? key[0] : null;
        if (generated is not null && generatedKey is null)
        {
            throw new ArgumentException($"{typeof(T).Name}'s key is generated: say where it goes.", nameof(generatedKey));
        }

        this.generatedKey = generatedKey;
        columns = [.. entity.GetProperties()
            .Where(p => p != generated)
            .Select((p, i) =>
            {
                if (p.IsShadowProperty())
                {
                    throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property.");
                }

                return (p, (RelationalTypeMapping)p.GetRelationalTypeMapping(),
                    "@p" + i.ToString(CultureInfo.InvariantCulture));
            })];

        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))
            .Append(") VALUES (").AppendJoin(", ", columns.Select(c => c.Parameter)).Append(')');
        if (generated is not null)
        {
            text.Append("; SELECT last_insert_rowid()");
        }

        command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text.ToString();
    }

    public async Task InsertAsync(T row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        command.Parameters.Clear();
        foreach (var (property, mapping, parameter) in columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(row);
            command.Parameters.Add(mapping.CreateParameter(command, parameter, value, property.IsNullable));
        }

        if (generatedKey is null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var id = await command.ExecuteScalarAsync(cancellationToken);
        generatedKey(row, Convert.ToInt64(id, CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}

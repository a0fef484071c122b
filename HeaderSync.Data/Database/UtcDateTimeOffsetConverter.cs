using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HeaderSync.Data.Database;

/// <summary>Stores a time as the same instant in UTC.</summary>
internal sealed class UtcDateTimeOffsetConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);

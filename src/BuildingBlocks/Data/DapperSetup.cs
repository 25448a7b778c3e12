using System.Data;
using System.Globalization;
using Dapper;
using Npgsql;

namespace Portal.BuildingBlocks.Data;

/// <summary>
/// One mapping for both engines: SQLite keeps ids, instants and dates as text, PostgreSQL as uuid,
/// timestamptz and date. Instants are written as fixed-width UTC text on SQLite so they sort as text.
/// </summary>
internal static class DapperSetup
{
    private static int configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1)
            return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        Replace<Guid>(new GuidHandler());
        Replace<DateTimeOffset>(new InstantHandler());
        Replace<DateOnly>(new DateHandler());
    }

    private static void Replace<T>(ValueHandler<T> handler) where T : struct
    {
        // Dapper's built-in map wins over handlers for parameters unless it is removed first.
        SqlMapper.RemoveTypeMap(typeof(T));
        SqlMapper.RemoveTypeMap(typeof(T?));
        SqlMapper.AddTypeHandler(typeof(T), handler);
        SqlMapper.AddTypeHandler(typeof(T?), handler);
    }

    // Microseconds, like PostgreSQL's timestamptz, so both engines give back the same instant.
    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Maps one value type and its nullable twin; a database NULL reads back as null.</summary>
    private abstract class ValueHandler<T> : SqlMapper.ITypeHandler where T : struct
    {
        public void SetValue(IDbDataParameter parameter, object value)
        {
            if (value is T typed)
                Write(parameter, typed);
            else
                parameter.Value = DBNull.Value;
        }

        public object? Parse(Type destinationType, object value) => value is null or DBNull ? null : Read(value);

        protected abstract void Write(IDbDataParameter parameter, T value);

        protected abstract T Read(object value);
    }

    private sealed class GuidHandler : ValueHandler<Guid>
    {
        protected override void Write(IDbDataParameter parameter, Guid value)
        {
            if (parameter is NpgsqlParameter)
                parameter.Value = value;
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
        }

        protected override Guid Read(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}."),
        };
    }

    private sealed class InstantHandler : ValueHandler<DateTimeOffset>
    {
        protected override void Write(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is NpgsqlParameter)
                parameter.Value = value.ToUniversalTime();
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = FormatInstant(value);
            }
        }

        protected override DateTimeOffset Read(object value) => value switch
        {
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
        };
    }

    private sealed class DateHandler : ValueHandler<DateOnly>
    {
        protected override void Write(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is NpgsqlParameter)
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value;
            }
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        protected override DateOnly Read(object value) => value switch
        {
            DateOnly d => d,
            DateTime d => DateOnly.FromDateTime(d),
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }
}

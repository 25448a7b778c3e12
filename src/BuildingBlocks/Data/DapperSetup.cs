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

    private static void Replace<T>(SqlMapper.TypeHandler<T> handler)
    {
        // Dapper's built-in map wins over handlers for parameters unless it is removed first.
        SqlMapper.RemoveTypeMap(typeof(T));
        SqlMapper.RemoveTypeMap(typeof(Nullable<>).MakeGenericType(typeof(T)));
        SqlMapper.AddTypeHandler(handler);
    }

    // Microseconds, like PostgreSQL's timestamptz, so both engines give back the same instant.
    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is NpgsqlParameter)
                parameter.Value = value;
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            byte[] b => new Guid(b),
            _ => throw new DataException($"Cannot read a Guid from {value.GetType().Name}."),
        };
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is NpgsqlParameter)
                parameter.Value = value.ToUniversalTime();
            else
            {
                parameter.DbType = DbType.String;
                parameter.Value = FormatInstant(value);
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset d => d.ToUniversalTime(),
            DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime(),
            _ => throw new DataException($"Cannot read an instant from {value.GetType().Name}."),
        };
    }

    private sealed class DateHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
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

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly d => d,
            DateTime d => DateOnly.FromDateTime(d),
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }
}

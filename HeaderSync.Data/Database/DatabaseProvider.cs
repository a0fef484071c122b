namespace HeaderSync.Data.Database;

public enum DatabaseProvider
{
    Sqlite = 1,
    SqlServer = 2,
    Postgres = 3,
}

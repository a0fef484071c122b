using HeaderSync.Data.Database;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HeaderSync.Tests.Nodes;

public sealed class DataProtectionKeyTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task WhatOneNodeProtectsAnotherReadsThroughTheKeysInTheDatabase()
    {
        await database.MigrateAsync();
        await using var nodeA = Node();
        await using var nodeB = Node();

        var cookie = Protector(nodeA).Protect("signed-in admin");
        var read = Protector(nodeB).Unprotect(cookie);

        Assert.Equal("signed-in admin", read);
        await using var db = database.CreateContext();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.Contains("<key id=", key.Xml, StringComparison.Ordinal);
    }

    public void Dispose() => database.Dispose();

    private WebApplication Node()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:ConnectionString"] = database.ConnectionString;
        builder.Services.AddHeaderSyncData();
        builder.AddHeaderSyncNodes(builder.Services.AddSignalR());
        return builder.Build();
    }

    private static IDataProtector Protector(WebApplication node) =>
        node.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie");
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>The one place component tests set up MudBlazor.</summary>
internal static class MudTestContext
{
    public static BunitContext Create()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}

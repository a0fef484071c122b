using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Status;

internal sealed class StatusOptionsValidator : IValidateOptions<StatusOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusOptions options) =>
        options.CoalesceMs is < 0 or > 60_000
            ? ValidateOptionsResult.Fail(
                $"Status:CoalesceMs must be between 0 and 60000 (was {options.CoalesceMs}).")
            : ValidateOptionsResult.Success;
}

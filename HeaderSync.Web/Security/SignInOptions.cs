using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Security;

/// <summary>The <c>SignIn</c> section: how long a portal session lasts and how often it is re-checked.</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    // Fixed, not sliding: a session ends this long after sign-in whatever the activity.
    public int SessionMinutes { get; set; } = 480;

    public int RevalidateMinutes { get; set; } = 3;
}

internal sealed class SignInOptionsValidator : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options)
    {
        var failures = new List<string>();
        if (options.SessionMinutes is < 5 or > 1440)
        {
            failures.Add($"SignIn:SessionMinutes must be between 5 and 1440 (was {options.SessionMinutes}).");
        }

        if (options.RevalidateMinutes is < 1 or > 60)
        {
            failures.Add(
                $"SignIn:RevalidateMinutes must be between 1 and 60 (was {options.RevalidateMinutes}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.ComponentModel.DataAnnotations;
using TaskForce.Core.Members;

namespace TaskForce.Tests.Core.Members;

public sealed class LinkCodeOptionsTests
{
    [Fact]
    public void Validate_CodeLimitNotAboveGlobalLimit_NamesBothKeys()
    {
        List<ValidationResult> errors = Validate(new LinkCodeOptions { GlobalMaxFailedAttempts = 50, MaxFailedAttemptsPerCode = 50 });

        ValidationResult error = Assert.Single(errors);
        Assert.StartsWith("LinkCodes:MaxFailedAttemptsPerCode must exceed LinkCodes:GlobalMaxFailedAttempts", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConversationLimitBelowAccountLimit_Fails()
    {
        List<ValidationResult> errors = Validate(new LinkCodeOptions { MaxFailedAttempts = 5, MaxFailedAttemptsPerConversation = 4 });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(LinkCodeOptions.MaxFailedAttemptsPerConversation)));
    }

    [Fact]
    public void Validate_GlobalLockoutZero_Fails()
    {
        List<ValidationResult> errors = Validate(new LinkCodeOptions { GlobalLockout = TimeSpan.Zero });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(LinkCodeOptions.GlobalLockout)));
    }

    private static List<ValidationResult> Validate(LinkCodeOptions options)
    {
        List<ValidationResult> errors = [];
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return errors;
    }
}

using System.ComponentModel.DataAnnotations;
using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Signals;

public sealed class SignalsOptionsTests
{
    private static List<ValidationResult> Validate(SignalsOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Validate(new SignalsOptions()));
    }

    [Fact]
    public void Searching_faces_more_often_than_frames_are_decoded_is_refused_naming_both_options()
    {
        var error = Assert.Single(Validate(new SignalsOptions { FrameRate = 2, FaceRate = 4 }));

        Assert.Contains("Signals:FaceRate", error.ErrorMessage);
        Assert.Contains("Signals:FrameRate", error.ErrorMessage);
    }

    [Theory]
    [InlineData(nameof(SignalsOptions.StepSeconds), 0.0)]
    [InlineData(nameof(SignalsOptions.ScaleFactor), 1.0)]
    [InlineData(nameof(SignalsOptions.ProfileScale), 0.0)]
    public void Out_of_range_values_are_refused(string property, double value)
    {
        var options = new SignalsOptions();
        typeof(SignalsOptions).GetProperty(property)!.SetValue(options, value);

        Assert.Contains(Validate(options), r => r.MemberNames.Contains(property));
    }
}

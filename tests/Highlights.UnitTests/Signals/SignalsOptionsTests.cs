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
    [InlineData("coarse-to-fine", true)]
    [InlineData("full", true)]
    [InlineData("fast", false)]
    [InlineData("Full", false)]
    public void Only_the_two_modes_are_accepted_and_a_wrong_one_is_named(string mode, bool valid)
    {
        var errors = Validate(new SignalsOptions { Mode = mode });

        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Contains("Signals:Mode", e.ErrorMessage));
    }

    [Theory]
    [InlineData(nameof(SignalsOptions.FineShare), 0.5)]
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

using Highlights.Grains.Actor;

namespace Highlights.UnitTests.Actor;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 120)]
    [InlineData(1000, 120)]
    public void Backoff_doubles_up_to_its_cap(int tries, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(tries, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));
    }
}

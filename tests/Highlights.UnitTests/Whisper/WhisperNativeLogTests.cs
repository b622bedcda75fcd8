using Highlights.Whisper;
using Highlights.Whisper.Native;
using Microsoft.Extensions.Logging;

namespace Highlights.UnitTests.Whisper;

public sealed class WhisperNativeLogTests
{
    [Theory]
    [InlineData(4, LogLevel.Error)]
    [InlineData(3, LogLevel.Warning)]
    [InlineData(2, LogLevel.Debug)]
    [InlineData(1, LogLevel.Trace)]
    public void Whisper_levels_map_to_logger_levels_one_step_quieter_below_warnings(int ggmlLevel, LogLevel expected)
    {
        Assert.Equal(expected, WhisperNativeLog.ToLogLevel((GgmlLogLevel)ggmlLevel, LogLevel.Error));
    }

    [Fact]
    public void A_continuation_keeps_the_level_of_the_message_it_continues()
    {
        Assert.Equal(LogLevel.Warning, WhisperNativeLog.ToLogLevel(GgmlLogLevel.Cont, LogLevel.Warning));
    }
}

namespace Highlights.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;

    /// <summary>The input was rejected (bad file, bad captions, HDR without --tone-map...): fix the input, not the tool.</summary>
    public const int InputRejected = 2;

    /// <summary>Conventional 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}

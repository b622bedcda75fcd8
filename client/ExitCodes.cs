namespace Highlights.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;

    /// <summary>The input was rejected (bad file, bad captions, HDR without --tone-map...): fix the input, not the tool.</summary>
    public const int InputRejected = 2;

    /// <summary>The command line itself is wrong (unknown option, a value of the wrong form): the same code as a rejected input.</summary>
    public const int BadArguments = InputRejected;

    /// <summary>
    /// The LLM budget (the video's or the day's) was reached and the video stopped in state budget_exceeded. Finished
    /// chunks are kept: run again with a larger <c>--budget-usd</c> to continue, or with <c>--on-budget offline</c>.
    /// </summary>
    public const int BudgetExceeded = 3;

    /// <summary>Conventional 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}

using System.Net;
using Highlights.Grains.Actor;

namespace Highlights.UnitTests.Actor;

public sealed class WorkerSilosOnlyTests
{
    private static readonly SiloAddress Api = Silo(11111);
    private static readonly SiloAddress Worker = Silo(11112);
    private static readonly SiloAddress Joining = Silo(11113);

    [Fact]
    public void Silos_that_published_no_workers_are_left_out()
    {
        var kept = WorkerSilosOnlyDirector.Keep([Api, Worker], Published(("11111", "0"), ("11112", "2")));

        Assert.Equal([Worker], kept);
    }

    [Fact]
    public void A_silo_whose_metadata_is_unknown_here_counts_as_a_worker()
    {
        // Orleans fetches a joining silo's metadata once; a failed fetch must not keep videos off the new worker.
        var kept = WorkerSilosOnlyDirector.Keep([Api, Joining], Published(("11111", "0")));

        Assert.Equal([Joining], kept);
    }

    [Fact]
    public void With_no_worker_silo_every_silo_qualifies_so_the_video_can_wait()
    {
        var kept = WorkerSilosOnlyDirector.Keep([Api, Worker], Published(("11111", "0"), ("11112", "0")));

        Assert.Equal([Api, Worker], kept);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("")]
    public void A_value_that_is_not_a_count_is_treated_as_unknown(string value)
    {
        var kept = WorkerSilosOnlyDirector.Keep([Api, Worker], Published(("11111", "0"), ("11112", value)));

        Assert.Equal([Worker], kept);
    }

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    private static Func<SiloAddress, string?> Published(params (string Port, string Workers)[] values) =>
        silo => values.FirstOrDefault(v => v.Port == silo.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).Workers;
}

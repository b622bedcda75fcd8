using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Processes;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Highlights.ClusterTests.Studio;

/// <summary>
/// The studio in a real Chromium against a real silo, PostgreSQL and ffmpeg: sign in, review a finished video, trim a
/// segment with the keyboard, approve, and measure the new version's reel; and one tenant's session seeing nothing of
/// another's. Set HIGHLIGHTS_STUDIO_SCREENSHOTS to a folder to keep the pages' screenshots (docs/studio/ is made so).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StudioBrowserTests(PostgresServer server, ITestOutputHelper output)
{
    private const int TrimFrames = 5;
    private static readonly TimeSpan Processing = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_trim_approved_in_the_browser_renders_a_version_whose_reel_matches_the_edit_within_a_frame_per_segment()
    {
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Cluster:Workers"] = "1" });
        var key = await api.KeyForTenantAsync("acme");
        using var bearer = api.Client(key);
        var id = await FinishedTalkAsync(api, bearer);
        using var shots = new ScreenshotFolder();

        using var browser = new StudioBrowser(api.Address, 1280, 1400);
        browser.Open("/studio");
        browser.Visible("#signin-key");
        Assert.False(browser.Driver.FindElement(By.Id("nav")).Displayed);
        browser.Screenshot(shots.Of("signin.png"));
        browser.SignIn(key);
        var row = browser.Visible($"tr[data-video='{id}'][data-status='completed']");
        browser.Screenshot(shots.Of("videos.png"));
        row.FindElement(By.CssSelector("a.button-link")).Click();
        var outPoint = browser.Visible("li[data-seg='0'] [data-edge='end']");
        browser.Until(() => browser.Script("return document.querySelector('#timeline svg .tl-segment') !== null") as bool?, "the timeline's segments");
        var before = Segments(browser);
        outPoint.Click();
        for (var i = 0; i < TrimFrames; i++)
        {
            browser.Driver.SwitchTo().ActiveElement().SendKeys(Keys.ArrowLeft);
        }

        var trimmed = browser.Until(() => Segments(browser) is var now && now[0].End < before[0].End ? now : null, "the trimmed out point");
        Assert.True(before.Count >= 2, $"the machine chose {before.Count} segment(s); the test needs two to reorder");
        // Reorder: the trimmed segment goes second in the reel.
        browser.Visible("li[data-seg='0'] [data-action='down']").Click();
        var edited = browser.Until(() => Segments(browser) is var now && now[1] == trimmed[0] ? now : null, "the reordered segments");
        browser.Screenshot(shots.Of("review.png"));
        browser.Visible("#approve").Click();
        var versions = await UntilRenderedAsync(bearer, id, 2);
        var saved = (await bearer.GetFromJsonAsync<JsonElement>($"/v1/videos/{id}/edl?version=2")).GetProperty("segments").EnumerateArray()
            .Select(s => (s.GetProperty("start").GetDouble(), s.GetProperty("end").GetDouble())).ToList();
        browser.Visible("#versions-body tr[data-version='2'] .status.completed");
        browser.Script("document.getElementById('versions-card').scrollIntoView()");
        browser.Screenshot(shots.Of("versions.png"));
        browser.Open("/studio#/submit");
        browser.Visible("#drop");
        browser.Screenshot(shots.Of("submit.png"));
        browser.Viewport(390, 1600, mobile: true);
        browser.Open($"/studio#/review/{id}");
        browser.Visible("li[data-seg='0'] [data-edge='end']");
        var overflow = Convert.ToInt64(browser.Script("return document.documentElement.scrollWidth - window.innerWidth"), CultureInfo.InvariantCulture);
        browser.Screenshot(shots.Of("review-phone.png"));
        var reel = Path.Combine(api.AllowedRoot, "v2.mp4");
        await File.WriteAllBytesAsync(reel, await bearer.GetByteArrayAsync($"/v1/videos/{id}/render?version=2"));
        var measured = await DurationAsync(reel);

        var fps = 25.0;
        var expected = edited.Sum(s => s.End - s.Start);
        output.WriteLine($"segments {edited.Count}, edit {expected:F3} s, version 2 reel {measured:F3} s (version 1: {before.Sum(s => s.End - s.Start):F3} s)");
        Assert.Equal(before.Count, edited.Count);
        Assert.Equal(edited, saved);
        Assert.Equal(before[0].End - (TrimFrames / fps), trimmed[0].End, 3);
        Assert.Equal("acme", versions.Last().GetProperty("createdBy").GetString());
        Assert.InRange(measured, expected - (edited.Count / fps), expected + (edited.Count / fps));
        Assert.True(overflow <= 0, $"at 390 px the page is {overflow} px wider than the screen");
    }

    [Fact]
    public async Task A_refused_edit_is_listed_against_its_segment_and_a_selection_added_as_a_segment_is_saved()
    {
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Cluster:Workers"] = "1" });
        var key = await api.KeyForTenantAsync("acme");
        using var bearer = api.Client(key);
        var id = await FinishedTalkAsync(api, bearer);
        using var browser = new StudioBrowser(api.Address);
        browser.SignIn(key);
        browser.Open($"/studio#/review/{id}");
        browser.Visible("li[data-seg='0'] [data-edge='end']");
        var machine = Segments(browser);
        var inside = machine[0];

        // A span inside the first segment, added as a segment of its own: the silo refuses the overlap.
        Select(browser, inside.Start + 0.2, inside.Start + 0.6);
        browser.Until(() => Segments(browser).Count == machine.Count + 1 ? true : (bool?)null, "the added segment");
        browser.Visible("#approve").Click();
        var listed = browser.Visible("#edit-errors li").Text;
        var flagged = browser.Visible($"li[data-seg='{machine.Count}'].invalid");
        browser.Visible($"li[data-seg='{machine.Count}'] [data-action='remove']").Click();
        browser.Visible($"li[data-seg='{machine.Count - 1}'] [data-action='remove']").Click();
        var free = (Start: 0.04, End: 0.4);
        Assert.DoesNotContain(machine, m => m.Start < free.End && free.Start < m.End);
        Select(browser, free.Start, free.End);
        var edited = browser.Until(() => Segments(browser) is { } now && now.Count == machine.Count ? now : null, "the second added segment");
        browser.Visible("#approve").Click();
        await UntilRenderedAsync(bearer, id, 2);
        var saved = (await bearer.GetFromJsonAsync<JsonElement>($"/v1/videos/{id}/edl?version=2")).GetProperty("segments").EnumerateArray()
            .Select(s => (s.GetProperty("start").GetDouble(), s.GetProperty("end").GetDouble())).ToList();

        Assert.StartsWith($"Segment {machine.Count + 1}:", listed, StringComparison.Ordinal);
        Assert.NotNull(flagged);
        Assert.Equal([.. machine.Take(machine.Count - 1), (free.Start, free.End)], edited);
        Assert.Equal(edited, saved);
    }

    [Fact]
    public async Task A_second_tenants_session_sees_none_of_the_firsts_videos_and_the_key_stays_out_of_the_page()
    {
        await using var api = await ApiHost.StartAsync(server);
        var acmeKey = await api.KeyForTenantAsync("acme");
        var globexKey = await api.KeyForTenantAsync("globex");
        var id = await api.SubmitMadeUpAsync("acme", new string('c', 64));

        using var acme = new StudioBrowser(api.Address);
        using var globex = new StudioBrowser(api.Address);
        acme.SignIn(acmeKey);
        acme.Visible($"tr[data-video='{id}']");
        globex.SignIn(globexKey);
        globex.Visible("#videos-empty");
        var direct = Convert.ToInt64(globex.AsyncScript($"const done = arguments[arguments.length - 1]; fetch('/v1/videos/{id}').then(r => done(r.status));"), CultureInfo.InvariantCulture);
        var source = Convert.ToInt64(globex.AsyncScript($"const done = arguments[arguments.length - 1]; fetch('/v1/videos/{id}/source').then(r => done(r.status));"), CultureInfo.InvariantCulture);
        var forged = Convert.ToInt64(acme.AsyncScript($"const done = arguments[arguments.length - 1]; fetch('/v1/videos/{id}/cancel', {{ method: 'POST' }}).then(r => done(r.status));"), CultureInfo.InvariantCulture);
        var stored = (string)acme.Script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + location.href + document.cookie")!;
        var acmeRows = acme.Driver.FindElements(By.CssSelector("#videos-body tr")).Count;
        var globexRows = globex.Driver.FindElements(By.CssSelector("#videos-body tr")).Count;

        Assert.Equal(1, acmeRows);
        Assert.Equal(0, globexRows);
        Assert.Equal(404, direct);
        Assert.Equal(404, source);
        Assert.Equal(400, forged);
        Assert.DoesNotContain(acmeKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("highlights-session", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Logs.All, line => line.Contains(acmeKey, StringComparison.Ordinal) || line.Contains(globexKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_chosen_on_the_submit_page_uploads_with_its_options_and_shows_in_the_videos_list()
    {
        await using var api = await ApiHost.StartAsync(server);
        var key = await api.KeyForTenantAsync("acme");
        using var bearer = api.Client(key);
        var clip = Path.Combine(api.Outside, "clip.mp4");
        await ShortVideos.MakeAsync(clip, 1, 300);
        using var browser = new StudioBrowser(api.Address);
        browser.SignIn(key);
        browser.Visible("#videos-empty");

        browser.Visible("a[data-nav='submit']").Click();
        browser.Driver.FindElement(By.Id("submit-file")).SendKeys(clip);
        var target = browser.Visible("#submit-target");
        target.Clear();
        target.SendKeys("7");
        browser.Visible("#submit-go").Click();
        var row = browser.Visible("#videos-body tr[data-video]");
        var id = row.GetDomAttribute("data-video");
        var view = await bearer.GetFromJsonAsync<JsonElement>($"/v1/videos/{id}");

        Assert.Equal(new FileInfo(clip).Length, view.GetProperty("source").GetProperty("sizeBytes").GetInt64());
        Assert.StartsWith("upload:", view.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, view.GetProperty("options").GetProperty("targetDuration").GetDouble());
    }

    [Fact]
    public async Task The_pages_edit_arithmetic_snaps_to_frames_and_keeps_cuts_out_of_words()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var browser = new StudioBrowser(api.Address);
        browser.Open("/studio");
        browser.Visible("#signin-key");

        // Words 1.00-1.50 and 2.00-2.30 at 25 fps: a cut at 1.2 goes to the nearer edge (1.00), one moving right
        // from inside a word jumps to its end, and a plain time lands on the nearest frame.
        var result = (string)browser.Script("""
            const e = window.StudioEdit, words = [{ start: 1.0, end: 1.5 }, { start: 2.0, end: 2.3 }];
            const seg = { startFrame: 20, endFrame: 60, start: 0.8, end: 2.4 };
            return JSON.stringify([
              e.snapCut(1.2, 25, words, 0), e.snapCut(1.4, 25, words, 0), e.snapCut(1.2, 25, words, 1), e.snapCut(0.413, 25, [], 0),
              e.moveEdge(seg, 'end', -3, 25, words, 100).endFrame, e.moveEdge(seg, 'start', 40, 25, words, 100).startFrame,
              e.reelSeconds([{ startFrame: 0, endFrame: 50 }, { startFrame: 100, endFrame: 125 }], 25, 5)]);
            """)!;

        Assert.Equal("[25,38,38,10,50,59,2.8]", result);
    }

    /// <summary>The generated talk submitted from the silo's allowed root and processed to the end: its id.</summary>
    private static async Task<string> FinishedTalkAsync(ApiHost api, HttpClient bearer)
    {
        var source = Path.Combine(api.AllowedRoot, "talk.mp4");
        await MakeTalkAsync(source);
        var id = await VideoPolling.SubmitAsync(bearer, new { source, targetDuration = 8 });
        await VideoPolling.UntilAsync(bearer, id, v => v.GetProperty("status").GetString() == "completed", Processing);
        return id;
    }

    /// <summary>Twenty seconds of moving pattern and a tone that swells three times, with a sidecar SRT so no Whisper model is needed.</summary>
    private static async Task MakeTalkAsync(string path)
    {
        await File.WriteAllTextAsync(
            Path.ChangeExtension(path, ".srt"),
            "1\n00:00:00,500 --> 00:00:02,500\nWelcome to the keynote.\n\n2\n00:00:03,000 --> 00:00:06,000\nThis is the big announcement!\n\n" +
            "3\n00:00:07,000 --> 00:00:09,500\nHere is how it works.\n\n4\n00:00:10,000 --> 00:00:13,000\nAnd it ships today!\n\n" +
            "5\n00:00:14,000 --> 00:00:15,500\nOne more thing.\n\n6\n00:00:16,000 --> 00:00:18,500\nThank you all for coming!\n");
        await ProcessRunner.RunAsync(
            ProcessCommand.Of(
                "ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=20",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=20,volume='if(between(t,3,6)+between(t,10,13)+between(t,16,18.5),1,0.1)':eval=frame",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", path),
            new ProcessRunOptions(),
            CancellationToken.None);
    }

    /// <summary>Marks in and out at two source times through the page's buttons, then adds the selection as a segment.</summary>
    private static void Select(StudioBrowser browser, double start, double end)
    {
        foreach (var (at, button) in new[] { (start, "mark-in"), (end, "mark-out") })
        {
            var shown = (string)browser.Script("arguments[1].currentTime = arguments[0]; return window.StudioEdit.clock(arguments[0]);", at, browser.Visible("#source-player"))!;
            browser.Until(() => browser.Driver.FindElement(By.Id("source-time")).Text == shown ? true : (bool?)null, $"the source playhead at {shown}");
            browser.Visible($"#{button}").Click();
        }

        browser.Visible("#add-segment:enabled").Click();
    }

    private static List<(double Start, double End)> Segments(StudioBrowser browser)
    {
        var json = (string)browser.Script("return JSON.stringify([...document.querySelectorAll('#segments li[data-seg]')].map(li => [Number(li.dataset.start), Number(li.dataset.end)]))")!;
        return [.. JsonSerializer.Deserialize<double[][]>(json)!.Select(p => (p[0], p[1]))];
    }

    private static async Task<List<JsonElement>> UntilRenderedAsync(HttpClient bearer, string id, int version)
    {
        var deadline = DateTime.UtcNow + Processing;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            var response = await bearer.GetAsync($"/v1/videos/{id}/edl/versions");
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                var versions = JsonDocument.Parse(last).RootElement.GetProperty("versions").EnumerateArray().ToList();
                var wanted = versions.FirstOrDefault(v => v.GetProperty("version").GetInt32() == version);
                var status = wanted.ValueKind == JsonValueKind.Object ? wanted.GetProperty("render").GetProperty("status").GetString() : null;
                Assert.NotEqual("failed", status);
                if (status == "completed")
                {
                    return versions;
                }
            }

            await Task.Delay(200);
        }

        Assert.Fail($"version {version} of {id} was never rendered; last answer: {last}");
        return [];
    }

    /// <summary>The reel's picture length: frames are what a cut is accurate to.</summary>
    private static async Task<double> DurationAsync(string path)
    {
        var result = await ProcessRunner.RunAsync(
            ProcessCommand.Of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=duration", "-of", "csv=p=0", path),
            new ProcessRunOptions { CaptureOutput = true },
            CancellationToken.None);
        return double.Parse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }
}

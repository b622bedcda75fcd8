using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (packages chromium and chromium-driver), one fresh
/// profile per instance, so two instances are two people with separate cookies. Waits poll with a deadline.
/// </summary>
public sealed class StudioBrowser : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly ChromeDriver driver;

    public StudioBrowser(Uri site, int width = 1280, int height = 900)
    {
        Site = site;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        // Root in a container has no user namespace for Chromium's sandbox.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", $"--window-size={width},{height}", "--mute-audio", "--autoplay-policy=no-user-gesture-required");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public Uri Site { get; }

    public IWebDriver Driver => driver;

    public void Open(string path) => driver.Navigate().GoToUrl(new Uri(Site, path));

    /// <summary>The first element matching <paramref name="css"/> that is displayed, once there is one.</summary>
    public IWebElement Visible(string css, TimeSpan? timeout = null) =>
        Until(() => driver.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), $"a visible '{css}'", timeout);

    public T Until<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            try
            {
                if (probe() is { } found && !(found is bool b && !b))
                {
                    return found;
                }
            }
            catch (StaleElementReferenceException)
            {
                // The page re-rendered under the probe; look again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout ?? DefaultWait} for {what}; page: {driver.Url}");
            }

            Thread.Sleep(100);
        }
    }

    public object? Script(string script, params object[] arguments) => driver.ExecuteScript(script, arguments);

    /// <summary>Runs <paramref name="script"/> with a callback as its last argument (<c>arguments[arguments.length - 1]</c>).</summary>
    public object? AsyncScript(string script, params object[] arguments) => driver.ExecuteAsyncScript(script, arguments);

    public void SignIn(string key)
    {
        Open("/studio");
        var field = Visible("#signin-key");
        field.SendKeys(key);
        field.SendKeys(Keys.Enter);
        Visible("#nav");
        Until(() => driver.FindElement(By.Id("tenant")).Text.Length > 0, "the signed-in tenant's name");
    }

    /// <summary>Renders the page at a phone's or a desktop's width, whatever the window is.</summary>
    public void Viewport(int width, int height, bool mobile) =>
        driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });

    /// <summary>A PNG of the viewport, written to <paramref name="path"/>.</summary>
    public void Screenshot(string path) => driver.GetScreenshot().SaveAsFile(path);

    public void Dispose() => driver.Quit();
}

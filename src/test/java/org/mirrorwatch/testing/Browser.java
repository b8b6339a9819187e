package org.mirrorwatch.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through its own chromedriver (nothing is downloaded), on the shared
 * server. Waits are explicit. It runs axe-core, fetched from the npm registry by the build, on demand.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(3);
    private static final Path AXE = Path.of("target/axe-core/package/axe.min.js");

    private static Browser last;

    private final ChromeDriver driver;
    private final SharedServer server;

    private Browser(ChromeDriver driver, SharedServer server) {
        this.driver = driver;
        this.server = server;
    }

    /** A new browser window of this width, on the shared server. */
    public static Browser open(SharedServer server, int width, int height) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=" + width + "," + height, "--lang=en-US");
        // Chromium reports what the Content-Security-Policy blocked on the console only.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build();
        Browser browser = new Browser(new ChromeDriver(service, options), server);
        browser.driver.manage().window().setSize(new Dimension(width, height));
        last = browser;
        return browser;
    }

    /** The browser opened last, for screenshots of a failed test. */
    static Browser last() {
        return last;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void get(String path) {
        driver.get(server.resolve(path).toString());
    }

    public WebElement find(String cssSelector) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(cssSelector)));
    }

    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    public void type(String id, String text) {
        WebElement field = find("[id='" + id + "']");
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks and waits for the page it leads to. */
    public void clickAndWait(String id) {
        WebElement button = find("[id='" + id + "']");
        button.click();
        new WebDriverWait(driver, WAIT).until(ignored -> isGone(button));
    }

    /**
     * Whether the element's page has been replaced. Chromedriver says so with a stale reference, or, while
     * the new document is being attached, with "does not belong to the document".
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String text(String cssSelector) {
        return find(cssSelector).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public WebDriverWait waiting(Duration limit) {
        return new WebDriverWait(driver, limit);
    }

    /** Runs a script on the page, e.g. to scroll a part into view before a screenshot. */
    public Object executeScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Whether the page is wider than the window, so that it scrolls sideways. */
    public boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    /** The serious and critical accessibility violations axe-core finds on the page, one line each. */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        try {
            ((JavascriptExecutor) driver).executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(AXE + " is missing; the build fetches it (mvn verify)", e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))));
                """);
    }

    /**
     * What chromium refused under the Content-Security-Policy since the last call, one console line each
     * (it names the page, the line and the directive): inline script, style or event handlers, and files
     * from elsewhere.
     */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Saves what the window shows to {@code target/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path target = Path.of("target", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        if (last == this) {
            last = null;
        }
    }
}

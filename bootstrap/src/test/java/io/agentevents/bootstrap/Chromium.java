package io.agentevents.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: a real browser with its
 * own CORS, fetch and rendering. Both paths are given, so Selenium never looks for (or
 * downloads) a browser of its own. Starting fails loudly when they are missing;
 * {@code .ci/install-chromium.sh} installs them.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser profile of {@code width} × {@code height} CSS pixels. */
    static Chromium start(int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("the browser tests need " + BROWSER + " and " + DRIVER
                    + ": run bash .ci/install-chromium.sh (Debian's chromium and chromium-driver)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // As root in a container Chromium's sandbox cannot start; /dev/shm may be small there.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--window-size=" + width + "," + height);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Chromium(driver);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package org.suxiu.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * with its own profile and so its own session: a phone-sized window for owners and
 * technicians, a desk-sized one for the consoles. Screenshots go to
 * {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String base;

	private final Path profile;

	private Browser(int port, int width, int height, boolean mobile) {
		this.base = "http://localhost:" + port;
		try {
			this.profile = Files.createTempDirectory("suxiu-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--force-device-scale-factor=1", "--lang=zh-CN",
				"--window-size=" + Math.max(width, 500) + "," + height, "--user-data-dir=" + profile);
		if (mobile) {
			// a desktop window cannot be narrower than 500 px; a phone's viewport is set
			// through device emulation
			options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics", java.util.Map.of("width",
					width, "height", height, "pixelRatio", 1.0, "mobile", true, "touch", true)));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	/** A phone: 375 × 812 CSS pixels. */
	static Browser phone(int port) {
		return new Browser(port, 375, 812, true);
	}

	/** A desk screen for the consoles: 1366 × 900. */
	static Browser desk(int port) {
		return new Browser(port, 1366, 900, false);
	}

	/** A control room's wall screen: 1920 × 1080. */
	static Browser wall(int port) {
		return new Browser(port, 1920, 1080, false);
	}

	static boolean available() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	Browser open(String path) {
		driver.get(base + path);
		return this;
	}

	Browser signIn(String username) {
		return signIn(username, "demo123");
	}

	Browser signIn(String username, String password) {
		open("/login");
		type("#username", username);
		type("#password", password);
		find("#password").submit();
		// the first page after signing in may take a while on a loaded machine; if it
		// never
		// comes, say where the browser is and what it shows
		try {
			new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.getCurrentUrl().contains("/login"));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			throw new IllegalStateException(
					"Signing in as " + username + " stayed at " + driver.getCurrentUrl() + " showing: " + pageText(),
					e);
		}
		return this;
	}

	WebElement find(String css) {
		return waitUntil(d -> {
			var found = d.findElements(By.cssSelector(css));
			return found.isEmpty() ? null : found.get(0);
		});
	}

	boolean has(String css) {
		return !driver.findElements(By.cssSelector(css)).isEmpty();
	}

	Browser type(String css, String text) {
		waitUntil(d -> {
			WebElement field = find(css);
			field.clear();
			field.sendKeys(text);
			return true;
		});
		return this;
	}

	/** Picks the option with {@code value} in a select, as a person would. */
	Browser select(String css, String value) {
		new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
		return this;
	}

	Browser click(String css) {
		waitUntil(d -> {
			find(css).click();
			return true;
		});
		return this;
	}

	String text(String css) {
		return waitUntil(d -> find(css).getText());
	}

	/** What the page shows now, read in one step so that a swap cannot leave it stale. */
	String pageText() {
		Object text = script("return document.body ? document.body.innerText : ''");
		return text == null ? "" : text.toString();
	}

	/**
	 * Waits up to 20 s for {@code condition} to give something other than null or false;
	 * an element that htmx or a navigation replaced meanwhile is looked up again (stale
	 * to Selenium, or to Chromium "a node that does not belong to the document" when the
	 * swap came between finding it and clicking, clearing or typing into it).
	 */
	<T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(d -> {
				try {
					return condition.apply(d);
				}
				catch (org.openqa.selenium.WebDriverException e) {
					if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
						return null;
					}
					throw e;
				}
			});
	}

	/** Waits until the page shows {@code text}, without reloading it. */
	Browser waitForText(String text) {
		waitUntil(d -> pageText().contains(text));
		return this;
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** Whether the page is wider than the window (it would scroll sideways). */
	boolean scrollsSideways() {
		Object wider = script("return document.documentElement.scrollWidth > window.innerWidth");
		return Boolean.TRUE.equals(wider);
	}

	long innerWidth() {
		return (Long) script("return window.innerWidth");
	}

	String url() {
		return driver.getCurrentUrl();
	}

	/** Saves {@code target/screenshots/{name}.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException ex) {
				// a leftover temporary profile is harmless
			}
		}
	}

}

package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.suxiu.ApplicationTest;

/**
 * Browser tests against the whole application. Chromium must be installed
 * ({@code .ci/run} installs it); on CI a missing browser fails the run, elsewhere it
 * skips these tests with a note.
 */
abstract class BrowserTest extends ApplicationTest {

	private final List<Browser> opened = new ArrayList<>();

	@BeforeAll
	static void chromiumInstalled() {
		boolean required = System.getenv("CI") != null || Boolean.getBoolean("suxiu.browser-tests");
		if (required && !Browser.available()) {
			throw new IllegalStateException("Browser tests need /usr/bin/chromium and /usr/bin/chromedriver "
					+ "(apt-get install chromium chromium-driver)");
		}
		Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
	}

	protected Browser phone() {
		return remember(Browser.phone(port));
	}

	protected Browser desk() {
		return remember(Browser.desk(port));
	}

	protected Browser wall() {
		return remember(Browser.wall(port));
	}

	private Browser remember(Browser browser) {
		opened.add(browser);
		return browser;
	}

	/**
	 * Closes a browser the test is done with now rather than after it: a test that opens
	 * many (one per role and width) keeps only the current ones running.
	 */
	protected void done(Browser... browsers) {
		for (Browser browser : browsers) {
			opened.remove(browser);
			browser.close();
		}
	}

	@AfterEach
	void closeBrowsers() {
		opened.forEach(Browser::close);
		opened.clear();
	}

}

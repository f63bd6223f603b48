package org.suxiu.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's what-if: last month replayed with two more technicians in the background,
 * the page telling how long it has been going, then the policies side by side in a table
 * and a chart.
 */
class WhatIfPageTest extends BrowserTest {

	@Test
	void replaysLastMonthWithMoreTechniciansAndShowsThePoliciesSideBySide() {
		Browser manager = desk().signIn("manager").open("/manager/what-if");

		manager.click("#run-what-if");

		// the form's answer is a redirect to the run's page: the click may return before
		// it
		manager.waitUntil(d -> d.getCurrentUrl().matches(".*/manager/what-if/[0-9a-f-]{36}"));
		new WebDriverWait(manager.driver(), Duration.ofMinutes(3))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#what-if-table")));
		String table = manager.text("#what-if-table");
		assertThat(table).contains("轮流派工", "就近空闲", "速修推荐", "增加 2 人后准时率");
		assertThat(manager.text("#run h2")).contains("增加 2 人");
		manager.waitUntil(d -> "yes".equals(manager.find("#chart-whatif").getAttribute("data-drawn")));
		assertThat(manager.text("#what-if-recorded")).contains("实际准时率");
		manager.screenshot("manager-what-if");
		List<String> raw = new ArrayList<>();
		PlainWordsTest.scan(manager, "what-if result", PlainWordsTest.RAW, raw);
		manager.open(manager.url().replaceFirst("^https?://[^/]+", "") + "?lang=en");
		PlainWordsTest.scan(manager, "what-if result in English", PlainWordsTest.RAW, raw);
		assertThat(raw).isEmpty();
	}

	@Test
	void aPeriodBackwardsIsRefusedInWords() {
		Browser manager = desk().signIn("manager").open("/manager/what-if");

		manager.script("document.getElementById('from').value = '2026-11-30';"
				+ "document.getElementById('to').value = '2026-11-01';");
		manager.click("#run-what-if");

		assertThat(manager.text("#flash .alert.error")).isEqualTo("请检查：日期范围");
	}

}

package org.suxiu.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suxiu.MutableClock;
import org.suxiu.dispatch.Proposal;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

	// a Saturday morning
	private final MutableClock clock = MutableClock.at("2026-12-05T10:00:00+08:00");

	private Words words;

	@BeforeEach
	void chinese() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		words = new Words(messages, new SuxiuProperties(null, null, true, null), clock);
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void saysASpanInItsTwoLargestUnits() {
		assertThat(words.span(Duration.ofHours(51))).isEqualTo("2天3小时");
		assertThat(words.span(Duration.ofMinutes(65))).isEqualTo("1小时5分钟");
		assertThat(words.span(Duration.ofMinutes(30))).isEqualTo("30分钟");
	}

	@Test
	void namesTheDayOfADeadlineWithinAWeek() {
		assertThat(words.when(OffsetDateTime.parse("2026-12-07T10:30:00+08:00"))).isEqualTo("周一10:30");
		assertThat(words.when(OffsetDateTime.parse("2026-12-05T17:30:00+08:00"))).isEqualTo("今天17:30");
		assertThat(words.by(OffsetDateTime.parse("2026-12-06T09:00:00+08:00"))).isEqualTo("（明天09:00前）");
	}

	@Test
	void keepsTheChineseHalfOfABilingualMessage() {
		assertThat(words.plain("电梯内有人被困 a person inside a stopped lift")).isEqualTo("电梯内有人被困");
		assertThat(words.plain("give a reason for not sending the first proposal 请说明改派原因")).isEqualTo("请说明改派原因");
		assertThat(words.plain("没有找到")).isEqualTo("没有找到");
	}

	@Test
	void tellsAProposalInSentences() {
		Map<String, Object> first = Map.of("etaMinutes", 4L, "travelMinutes", 2L, "positionKnown", true, "distanceKm",
				0.1, "jobsInHand", 0, "busyMinutes", 0L, "skillLevel", 5, "shift", "REGULAR", "delays", List.of(),
				"afterShiftEnd", false);
		Map<String, Object> second = new java.util.HashMap<>(first);
		second.putAll(Map.of("etaMinutes", 14L, "skillLevel", 4, "shift", "ON_CALL", "brokenPromises", 0L));

		List<ProposalWords> told = ProposalWords
			.of(List.of(new Proposal(1, "徐师傅", 90, 4, first), new Proposal(2, "马师傅", 70, 14, second)), words);

		assertThat(told.get(0).summary()).isEqualTo("约4分钟到场，路上2分钟，手上没有工单，技能5级");
		assertThat(told.get(1).whyNotFirst()).containsExactly("晚到10分钟", "技能4级，首选为5级", "值班人员，不在正常班次");
		assertThat(String.join(" ", told.get(1).details())).doesNotContain("true", "false", "ON_CALL", "[]")
			.contains("值班人员");
	}

	@Test
	void tellsASurgeTheWakeUpAndTheHandOverInSentences() {
		Map<String, Object> reasons = new java.util.HashMap<>(Map.of("etaMinutes", 20L, "travelMinutes", 3L,
				"positionKnown", true, "distanceKm", 0.8, "jobsInHand", 1, "busyMinutes", 0L, "skillLevel", 4, "shift",
				"ON_CALL", "delays", List.of("BX1"), "afterShiftEnd", false));
		reasons.put("wakeUpMinutes", 15L);
		reasons.put("handOver", List.of(Map.of("order", "BX1", "technicianId", 7L, "name", "周师傅", "etaMinutes", 9L)));
		reasons.put("surge", Map.of("openEmergencies", 3, "freeQualified", 1, "shortfall", 2, "summary", "…"));

		List<String> details = ProposalWords.of(List.of(new Proposal(1, "徐师傅", 90, 20, reasons)), words)
			.get(0)
			.details();

		assertThat(details).contains("值班人员需约15分钟起身出发", "工单 BX1 可改派给空闲的周师傅（约9分钟到场）", "紧急高峰：3单紧急待到场，仅1名技师空闲，缺2人（已通知主管）");
	}

	@Test
	void aConcurrentChangeAsksForAReload() {
		assertThat(words.problem(new ConcurrentChange("Order BX1"))).isEqualTo("已被他人修改，请刷新");

		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(words.problem(new ConcurrentChange("Order BX1")))
			.isEqualTo("Someone else changed this meanwhile; please reload");
	}

	@Test
	void badInputNamesTheFieldsToCheck() {
		assertThat(words.problem(new InvalidInput(List.of(new InvalidInput.FieldError("reason", "is required"),
				new InvalidInput.FieldError("appointment", "is required")))))
			.isEqualTo("请检查：原因、上门时间");
	}

	@Test
	void aRefusalWithoutItsOwnSentenceKeepsItsDetailInThePagesLanguage() {
		assertThat(words.problem(new BusinessRuleViolation("something-new", "先处理 handle it first"))).isEqualTo("先处理");
	}

}

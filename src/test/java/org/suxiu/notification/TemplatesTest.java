package org.suxiu.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.suxiu.shared.SuxiuProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message in both languages: the facts it must carry, the signature in front, and
 * the SMS segments it may take, with the longest values an order can have.
 */
class TemplatesTest {

	private static final String NUMBER = "BX20261127000123";

	private static final Instant DUE = Instant.parse("2026-11-27T01:30:00Z");

	private static final String LONG_FAULT = "卫生间天花板往下滴水，楼上漏水，已经持续两天，墙面开始发霉，地板也被泡坏了，"
			+ "楼上业主联系不上，物业前台说要先报修，家里老人小孩都在，晚上睡觉都能听到滴水声，请尽快安排师傅上门查看处理";

	private static final Set<Kind> OWNER_KINDS = EnumSet.of(Kind.OWNER_DISPATCHED, Kind.OWNER_ARRIVED,
			Kind.OWNER_COMPLETED, Kind.OWNER_RESCHEDULED, Kind.OWNER_INTERRUPTED, Kind.OWNER_LATE_APOLOGY,
			Kind.REPORTER_CANCELLED, Kind.SIGN_IN_CODE, Kind.OWNER_RECEIPT, Kind.OWNER_COMPLAINT);

	private final Templates templates = new Templates(new SuxiuProperties(null, ZoneId.of("Asia/Shanghai"), true, null),
			new NotificationProperties("【示范物业】", null, null, null, null));

	static List<Arguments> everyKindInBothLanguages() {
		List<Arguments> all = new java.util.ArrayList<>();
		for (Kind kind : Kind.values()) {
			all.add(Arguments.of(kind, "zh-CN"));
			all.add(Arguments.of(kind, "en"));
		}
		return all;
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyKindInBothLanguages")
	void everySmsStartsWithTheSignatureCarriesItsFactsAndFitsItsSegments(Kind kind, String language) {
		Templates.Rendered sms = templates.render(kind, language, Channel.SMS, worstCase(kind));

		assertThat(sms.body()).startsWith("【示范物业】");
		assertThat(sms.body()).contains(facts(kind, language));
		assertThat(SmsText.segments(sms.body())).as(sms.body()).isLessThanOrEqualTo(kind.segments(language));
		assertThat(sms.subject()).isNotBlank();
		if (language.equals("zh-CN") && OWNER_KINDS.contains(kind)) {
			assertThat(sms.body().length()).as("an owner's Chinese SMS is one segment: " + sms.body())
				.isLessThanOrEqualTo(70);
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("everyKindInBothLanguages")
	void theLanguageIsTheRecipients(Kind kind, String language) {
		String body = templates.render(kind, language, Channel.EMAIL, worstCase(kind)).body();

		String withoutValues = body;
		for (Object value : worstCase(kind).values()) {
			withoutValues = withoutValues.replace(String.valueOf(value), "");
		}
		boolean hasChinese = withoutValues.codePoints()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
		assertThat(hasChinese).as(body).isEqualTo(language.equals("zh-CN"));
	}

	@Test
	void theTechniciansJobKeepsEveryFactAndShortensOnlyTheFault() {
		Templates.Rendered sms = templates.render(Kind.TECH_NEW_JOB, "zh-CN", Channel.SMS,
				worstCase(Kind.TECH_NEW_JOB));

		assertThat(sms.body()).contains(NUMBER, "L1紧急", "示范花园 1号楼1号电梯", "09:30前到场", "138****0001", "卫生间天花板", "…");
		assertThat(sms.params().get("fault")).endsWith("…").hasSizeLessThan(LONG_FAULT.length());
		assertThat(SmsText.segments(sms.body())).isLessThanOrEqualTo(2);
	}

	@Test
	void anEmailIsNotShortened() {
		Templates.Rendered mail = templates.render(Kind.TECH_NEW_JOB, "zh-CN", Channel.EMAIL,
				worstCase(Kind.TECH_NEW_JOB));

		assertThat(mail.body()).contains(LONG_FAULT).doesNotStartWith("【示范物业】");
	}

	@Test
	void segmentsAreCountedAsCarriersBillThem() {
		assertThat(SmsText.segments("好".repeat(70))).isEqualTo(1);
		assertThat(SmsText.segments("好".repeat(71))).isEqualTo(2);
		assertThat(SmsText.segments("好".repeat(134))).isEqualTo(2);
		assertThat(SmsText.segments("好".repeat(135))).isEqualTo(3);
		assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
		assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
		assertThat(SmsText.segments("a".repeat(159) + "€")).as("€ takes two septets").isEqualTo(2);
		assertThat(SmsText.segments("【示范物业】" + "a".repeat(64))).isEqualTo(1);
		assertThat(SmsText.segments("【示范物业】" + "a".repeat(65))).as("one Chinese character makes it UCS-2").isEqualTo(2);
	}

	@Test
	void timesAreShownInTheBusinessTimeZone() {
		Map<String, Object> params = new LinkedHashMap<>(worstCase(Kind.OWNER_RESCHEDULED));
		params.put("window",
				new Templates.Window(Instant.parse("2026-11-27T06:00:00Z"), Instant.parse("2026-11-27T08:00:00Z")));

		String body = templates.render(Kind.OWNER_RESCHEDULED, "zh-CN", Channel.SMS, params).body();

		assertThat(body).contains("11-27 14:00-16:00");
	}

	private static Map<String, Object> worstCase(Kind kind) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("number", NUMBER);
		switch (kind) {
			case TECH_NEW_JOB -> {
				params.put("grade", new Templates.Label("grade.L1"));
				params.put("place", "示范花园 1号楼1号电梯");
				params.put("fault", LONG_FAULT);
				params.put("due", DUE);
				params.put("ownerPhone", "138****0001");
			}
			case TECH_JOB_CANCELLED -> params.put("place", "示范花园 6-2-1802");
			case OWNER_DISPATCHED -> {
				params.put("technician", "欧阳师傅");
				params.put("technicianPhone", "139****0201");
				params.put("eta", new Templates.Window(DUE, DUE.plusSeconds(7200)));
			}
			case OWNER_ARRIVED, OWNER_INTERRUPTED -> params.put("technician", "欧阳师傅");
			case OWNER_COMPLETED -> params.put("link", "https://suxiu.example/o/" + NUMBER);
			case OWNER_RESCHEDULED -> params.put("window", new Templates.Window(DUE, DUE.plusSeconds(7200)));
			case OWNER_LATE_APOLOGY -> {
			}
			case REPORTER_CANCELLED -> params.put("reason", "业主已自行修好，不需要再上门了，谢谢你们的及时回复和安排");
			case SUPERVISOR_SLA_WARNING, SUPERVISOR_SLA_BREACH, STAFF_ESCALATED -> {
				params.put("grade", new Templates.Label("grade.L2"));
				params.put("clock", new Templates.Label("clock.complete"));
				params.put("percent", 80);
				params.put("due", DUE);
				params.put("place", "示范花园 6号楼2号电梯");
			}
			case STAFF_HURRIED -> {
				params.put("grade", new Templates.Label("grade.L2"));
				params.put("place", "示范花园 6号楼2号电梯");
				params.put("nth", 2);
			}
			case ADMIN_DELIVERY_FAILED -> {
				params.put("messageId", 123456);
				params.put("channel", "SMS");
				params.put("recipient", "138****0001");
				params.put("attempts", 12);
				params.put("error", "Aliyun 500 isp.SYSTEM_ERROR the provider could not be reached for a long time");
			}
			case OWNER_QUOTE -> {
				params.put("amount", "¥1,234.50");
				params.put("link", "https://suxiu.example/consent/Xk3e9aQw0PqLr2sT5uVw7yZa");
			}
			case OWNER_RECEIPT -> {
				params.put("amount", "¥1234.50");
				params.put("method", new Templates.Label("payment.WECHAT"));
				params.put("receipt", 123456);
			}
			case SUPERVISOR_LOW_STOCK -> {
				params.put("item", "20mm PPR 热水管（白色，国标加厚）");
				params.put("onHand", 2);
			}
			case SUPERVISOR_SURGE -> {
				params.put("open", 4);
				params.put("free", 1);
				params.put("shortfall", 3);
				params.put("place", "示范花园 6号楼2号电梯");
			}
			case MANAGER_MONTHLY_REPORT -> {
				params.put("project", "示范花园");
				params.put("month", "2026年11月");
				params.put("link", "/api/v1/projects/DEMO/reports/2026-11.pdf");
			}
			case SIGN_IN_CODE -> {
				params.put("code", "123456");
				params.put("minutes", 5);
			}
			case OWNER_COMPLAINT -> {
				params.put("id", 123456);
				params.put("step", new Templates.Label("complaint.resolve"));
				params.put("words", "已联系维修师傅重新上门，更换了漏水的角阀并清理了地面积水，如仍有问题请随时联系物业客服中心");
			}
			case SUPERVISOR_COMPLAINT -> {
				params.put("id", 123456);
				params.put("place", "DEMO " + NUMBER);
				params.put("description", LONG_FAULT);
				params.put("due", DUE);
			}
			case STAFF_COMPLAINT_ESCALATED -> {
				params.put("id", 123456);
				params.put("place", "DEMO " + NUMBER);
				params.put("clock", new Templates.Label("complaint.clock.respond"));
				params.put("due", DUE);
			}
			case ACCOUNT_LOCKED -> {
				params.put("failures", 10);
				params.put("username", "tech07");
				params.put("minutes", 15);
			}
			case BUILDING_NOTICE -> {
				params.put("building", "3");
				params.put("text", "今日14:00至17:00水泵检修停水，请提前储水。");
			}
		}
		return params;
	}

	private static String[] facts(Kind kind, String language) {
		boolean zh = language.equals("zh-CN");
		return switch (kind) {
			case TECH_NEW_JOB -> new String[] { NUMBER, zh ? "L1紧急" : "L1", "1号楼1号电梯", "09:30", "138****0001" };
			case TECH_JOB_CANCELLED -> new String[] { NUMBER };
			case OWNER_DISPATCHED -> new String[] { NUMBER, "欧阳师傅", "139****0201", "11-27 09:30-11:30" };
			case OWNER_ARRIVED -> new String[] { NUMBER, "欧阳师傅" };
			case OWNER_COMPLETED -> new String[] { "https://suxiu.example/o/" + NUMBER };
			case OWNER_RESCHEDULED -> new String[] { NUMBER, "11-27 09:30-11:30", zh ? "抱歉" : "Sorry" };
			case OWNER_INTERRUPTED -> new String[] { NUMBER, "欧阳师傅", zh ? "紧急" : "emergency" };
			case OWNER_LATE_APOLOGY -> new String[] { NUMBER, zh ? "抱歉" : "Sorry" };
			case REPORTER_CANCELLED -> new String[] { NUMBER };
			case SUPERVISOR_SLA_WARNING -> new String[] { NUMBER, "L2", "80%", "09:30" };
			case SUPERVISOR_SLA_BREACH -> new String[] { NUMBER, "L2", "09:30" };
			case STAFF_ESCALATED -> new String[] { NUMBER, "L2" };
			case STAFF_HURRIED -> new String[] { NUMBER, "L2", "2" };
			case ADMIN_DELIVERY_FAILED -> new String[] { "123456", "138****0001", "12" };
			case OWNER_QUOTE -> new String[] { NUMBER, "¥1,234.50", "https://suxiu.example/consent/" };
			case OWNER_RECEIPT -> new String[] { NUMBER, "¥1234.50", zh ? "微信支付" : "WeChat Pay", "123456" };
			case SUPERVISOR_LOW_STOCK -> new String[] { "2" };
			case SUPERVISOR_SURGE -> new String[] { "4", "1", "3" };
			case MANAGER_MONTHLY_REPORT -> new String[] { "2026年11月", "/api/v1/projects/DEMO/reports/2026-11.pdf" };
			case SIGN_IN_CODE -> new String[] { "123456", "5" };
			case ACCOUNT_LOCKED -> new String[] { "10", "tech07", "15" };
			case OWNER_COMPLAINT -> new String[] { "#123456", zh ? "已处理" : "resolved" };
			case SUPERVISOR_COMPLAINT -> new String[] { "#123456", NUMBER, "09:30" };
			case STAFF_COMPLAINT_ESCALATED ->
				new String[] { "#123456", NUMBER, "09:30", zh ? "超时未回复" : "not answered" };
			case BUILDING_NOTICE -> new String[] { "3", "17:00" };
		};
	}

}

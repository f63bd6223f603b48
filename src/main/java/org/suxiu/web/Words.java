package org.suxiu.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderView;

/**
 * Times and spans as people say them ("2天3小时", "周一10:30前", "30分钟内到场"), in the page's
 * language; the pages call it as {@code @words}, so no ISO duration or instant reaches a
 * page.
 */
@Component("words")
public class Words {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");

	/** Chinese, then a space and English from the first Latin letter on. */
	private static final Pattern CHINESE_FIRST = Pattern
		.compile("(\\P{IsLatin}*\\p{IsHan}\\P{IsLatin}*?)\\s+([A-Za-z][^\\p{IsHan}]*)");

	/** English, then Chinese from the first Han character on. */
	private static final Pattern ENGLISH_FIRST = Pattern
		.compile("([^\\p{IsHan}]*[A-Za-z][^\\p{IsHan}]*?)\\s*(\\p{IsHan}.*)");

	private final MessageSource messages;

	private final SuxiuProperties properties;

	private final Clock clock;

	Words(MessageSource messages, SuxiuProperties properties, Clock clock) {
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/** A span in the two largest units: "2天3小时", "1小时5分钟", "45分钟", "30秒". */
	public String span(Duration duration) {
		long seconds = Math.abs(duration.toSeconds());
		long days = seconds / 86_400;
		long hours = seconds % 86_400 / 3600;
		long minutes = seconds % 3600 / 60;
		if (days > 0) {
			return hours == 0 ? msg("span.d", days) : msg("span.dh", days, hours);
		}
		if (hours > 0) {
			return minutes == 0 ? msg("span.h", hours) : msg("span.hm", hours, minutes);
		}
		return minutes > 0 ? msg("span.m", minutes) : msg("span.s", seconds);
	}

	/** A span of minutes, as {@link #span(Duration)}. */
	public String minutes(Number minutes) {
		return minutes == null ? "—" : span(Duration.ofMinutes(minutes.longValue()));
	}

	/**
	 * A moment near today: "10:30" today, "明天10:30", "周一10:30" within a week, else "12-24
	 * 10:30".
	 */
	public String when(OffsetDateTime at) {
		if (at == null) {
			return "";
		}
		ZonedDateTime local = at.atZoneSameInstant(properties.zone());
		LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
		LocalDate day = local.toLocalDate();
		String time = local.format(HH_MM);
		if (day.equals(today)) {
			return msg("when.today", time);
		}
		if (day.equals(today.plusDays(1))) {
			return msg("when.tomorrow", time);
		}
		if (day.equals(today.minusDays(1))) {
			return msg("when.yesterday", time);
		}
		if (day.isAfter(today) && day.isBefore(today.plusDays(7))) {
			return msg("when.weekday", msg("weekday." + day.getDayOfWeek().getValue()), time);
		}
		return msg("when.date", day.getMonthValue(), day.getDayOfMonth(), time);
	}

	/** What is left until {@code deadline}: "剩余 2天3小时" or "已超时 5分钟". */
	public String left(OffsetDateTime deadline) {
		if (deadline == null) {
			return "";
		}
		Duration left = Duration.between(clock.instant(), deadline.toInstant());
		return left.isNegative() ? msg("due.late", span(left)) : msg("due.left", span(left));
	}

	/** How long ago {@code at} was: "3分钟". */
	public String since(OffsetDateTime at) {
		return at == null ? "" : span(Duration.between(at.toInstant(), clock.instant()));
	}

	/** "（周一10:30前）" after a time left. */
	public String by(OffsetDateTime deadline) {
		return deadline == null ? "" : msg("due.by", when(deadline));
	}

	/**
	 * The promise an owner reads instead of a grade: "30分钟内到场" for a near promise,
	 * "周一10:30前上门" otherwise; nothing once the technician is there.
	 */
	public String promise(WorkOrderView order) {
		if (order.deadlines() == null || order.deadlines().arriveBy() == null || !beforeArrival(order.status())) {
			return "";
		}
		OffsetDateTime arriveBy = order.deadlines().arriveBy();
		Duration promised = Duration.between(order.reportedAt() != null ? order.reportedAt() : order.createdAt(),
				arriveBy);
		if (!promised.isNegative() && promised.compareTo(Duration.ofHours(6)) <= 0) {
			return msg("promise.within", span(promised));
		}
		return msg("promise.by", when(arriveBy));
	}

	/** An order's status as its owner reads it: a finished job asks them to check it. */
	public String ownerStatus(Status status) {
		return msg(status == Status.COMPLETED ? "owner.status.COMPLETED" : "status." + status);
	}

	/**
	 * A message written in both languages ("电梯内有人被困 a person inside a stopped lift",
	 * "give a reason 请说明原因") in the page's language only; other text as it is.
	 */
	public String plain(String text) {
		if (text == null) {
			return "";
		}
		Matcher han = HAN.matcher(text);
		if (!han.find() || !LATIN.matcher(text).find()) {
			return text;
		}
		boolean chinese = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
		Matcher split = CHINESE_FIRST.matcher(text);
		if (split.matches()) {
			return (chinese ? split.group(1) : split.group(2)).strip();
		}
		split = ENGLISH_FIRST.matcher(text);
		if (split.matches()) {
			return (chinese ? split.group(2) : split.group(1)).strip();
		}
		return text;
	}

	/**
	 * A refusal as a person reads it: the problem type's own sentence ("已被他人修改，请刷新" for a
	 * concurrent change), the fields to check for bad input, else the refusal's detail in
	 * the page's language.
	 */
	public String problem(DomainException ex) {
		if (ex instanceof InvalidInput invalid && !invalid.errors().isEmpty()) {
			String fields = invalid.errors()
				.stream()
				.map(e -> msg("field." + e.field()).startsWith("field.") ? e.field() : msg("field." + e.field()))
				.distinct()
				.collect(java.util.stream.Collectors.joining(msg("list.separator")));
			return msg("problem.invalid-input", fields);
		}
		String key = "problem." + ex.type();
		String text = msg(key);
		return text.equals(key) ? plain(ex.getMessage()) : text;
	}

	private static boolean beforeArrival(Status status) {
		return status == Status.NEW || status == Status.DISPATCHED || status == Status.TAKEN;
	}

	public String msg(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

}

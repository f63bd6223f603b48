package org.suxiu.charge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.charge.internal.ChargeAccess;
import org.suxiu.charge.internal.ChargeProperties;
import org.suxiu.charge.internal.QuoteRows;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.Role;
import org.suxiu.workorder.IllegalTransition;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * Quotes and the owner's consent (报价与确认): the technician proposes; if anything is paid
 * the job waits for the owner, who approves or refuses once; the answer is recorded with
 * who, when, how and the exact amount, and the job goes on.
 */
@Service
public class Quotes {

	private static final Set<Status> ON_SITE = Set.of(Status.ARRIVED, Status.IN_PROGRESS, Status.ON_HOLD);

	private static final int MAX_LINES = 50;

	private final QuoteRows rows;

	private final PriceLists prices;

	private final ChargeAccess access;

	private final WorkOrders orders;

	private final ApplicationEventPublisher events;

	private final ChargeProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Quotes(QuoteRows rows, PriceLists prices, ChargeAccess access, WorkOrders orders, ApplicationEventPublisher events,
			ChargeProperties properties, Clock clock) {
		this.rows = rows;
		this.prices = prices;
		this.access = access;
		this.orders = orders;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** The order's latest quote, if any. */
	@Transactional(readOnly = true)
	public Optional<Quote> current(Actor actor, String number) {
		access.order(actor, number);
		return rows.latest(number);
	}

	@Transactional(readOnly = true)
	public List<Quote> all(Actor actor, String number) {
		access.order(actor, number);
		return rows.all(number);
	}

	@Transactional
	public Quote propose(Actor actor, String number, QuoteRequest request) {
		OrderFacts order = access.onSite(actor, number);
		if (!ON_SITE.contains(order.status())) {
			throw new IllegalTransition(number, "quote", order.status());
		}
		List<QuoteLine> lines = priced(order, request);
		if (rows.waitsForOwner(number)) {
			throw ChargeRefused.consentPending(number);
		}
		long total = lines.stream().mapToLong(QuoteLine::amountFen).sum();
		long payable = lines.stream().filter(QuoteLine::paid).mapToLong(QuoteLine::amountFen).sum();
		Instant now = clock.instant();
		String code = payable > 0 ? newCode() : null;
		String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
		if (note != null && note.length() > 500) {
			throw new InvalidInput("note", "at most 500 characters");
		}
		long id = rows.insert(order.tenantId(), order.projectId(), number, lines, total, payable, note,
				actor.username(), now, code == null ? null : hash(code),
				code == null ? null : now.plus(properties.consentValidity()));
		orders.appendHistory(number, "quote", actor,
				"报价 合计 " + Fen.yuan(total) + "，业主需付 " + Fen.yuan(payable) + "："
						+ lines.stream().map(l -> l.name() + "×" + l.quantity()).collect(Collectors.joining("、"))
						+ " quote " + Fen.yuan(total) + " in all, " + Fen.yuan(payable) + " for the owner to pay");
		if (code != null) {
			orders.awaitOwner(number,
					"待业主确认报价 " + Fen.yuan(payable) + " waiting for the owner's consent to pay " + Fen.yuan(payable));
			rows.keepCode(id, code, now.plus(properties.consentValidity()));
			events.publishEvent(new QuoteProposed(number, order.tenantId(), id, payable, now));
		}
		else {
			events.publishEvent(new QuoteApproved(number, order.tenantId(), id, 0, ConsentHow.FREE, now));
		}
		return rows.byId(id).orElseThrow();
	}

	/**
	 * The owner's one-time link of a quote still waiting for them, while it is valid: the
	 * system's read, for the notice of {@link QuoteProposed}.
	 */
	@Transactional(readOnly = true)
	public Optional<String> consentLink(long quoteId) {
		return rows.code(quoteId, clock.instant()).map(code -> properties.consentLink().replace("{code}", code));
	}

	/** The reporting owner on their page, or an agent on a recorded call. */
	@Transactional
	public Quote approve(Actor actor, String number) {
		OrderFacts order = access.order(actor, number);
		ConsentHow how = consenter(actor, order);
		Quote quote = proposed(number);
		return approved(order, quote, actor, how);
	}

	@Transactional
	public Quote refuse(Actor actor, String number, String reason) {
		OrderFacts order = access.order(actor, number);
		ConsentHow how = consenter(actor, order);
		return refused(order, proposed(number), actor, how, reason);
	}

	/** What the one-time link shows: the quote and where; 404 once used or expired. */
	@Transactional(readOnly = true)
	public ByCode byCode(String code) {
		Quote quote = rows.byCode(hash(code == null ? "" : code), clock.instant())
			.orElseThrow(() -> new NotFound("Quote", "link"));
		OrderFacts order = orders.facts(quote.number()).orElseThrow(() -> new NotFound("Quote", "link"));
		return new ByCode(quote, order.number(), order.place());
	}

	@Transactional
	public Quote approveByCode(String code) {
		ByCode opened = byCode(code);
		OrderFacts order = orders.facts(opened.number()).orElseThrow();
		return approved(order, opened.quote(), ownerByCode(order), ConsentHow.CODE);
	}

	@Transactional
	public Quote refuseByCode(String code, String reason) {
		ByCode opened = byCode(code);
		OrderFacts order = orders.facts(opened.number()).orElseThrow();
		return refused(order, opened.quote(), ownerByCode(order), ConsentHow.CODE, reason);
	}

	private Quote approved(OrderFacts order, Quote quote, Actor actor, ConsentHow how) {
		Instant now = clock.instant();
		Quote.Decision decision = new Quote.Decision(actor.username(), actor.role().name(), how, now,
				quote.payableFen(), null, 0);
		if (!rows.decide(quote.id(), QuoteStatus.APPROVED, decision)) {
			throw ChargeRefused.decided(quote.id(), rows.byId(quote.id()).orElseThrow().status());
		}
		orders.appendHistory(order.number(), "quote-approve", actor,
				"业主同意报价 " + Fen.yuan(quote.payableFen()) + "（" + howWords(how) + "） the owner approved "
						+ Fen.yuan(quote.payableFen()) + " (" + howEnglish(how) + ")");
		orders.resumeAfterConsent(order.number(), "业主已同意报价，继续维修 the owner approved the quote; work goes on");
		events.publishEvent(
				new QuoteApproved(order.number(), order.tenantId(), quote.id(), quote.payableFen(), how, now));
		return rows.byId(quote.id()).orElseThrow();
	}

	private Quote refused(OrderFacts order, Quote quote, Actor actor, ConsentHow how, String reason) {
		if (reason == null || reason.isBlank() || reason.trim().length() > 500) {
			throw new InvalidInput("reason", "say why, 1 to 500 characters");
		}
		Instant now = clock.instant();
		long callout = prices.rules(order.projectId()).calloutFeeFen();
		Quote.Decision decision = new Quote.Decision(actor.username(), actor.role().name(), how, now, null,
				reason.trim(), callout);
		if (!rows.decide(quote.id(), QuoteStatus.REFUSED, decision)) {
			throw ChargeRefused.decided(quote.id(), rows.byId(quote.id()).orElseThrow().status());
		}
		orders.appendHistory(order.number(), "quote-refuse", actor,
				"业主拒绝报价：" + reason.trim() + (callout > 0 ? "，收上门费 " + Fen.yuan(callout) : "") + "（" + howWords(how)
						+ "） the owner refused the quote" + (callout > 0 ? "; call-out fee " + Fen.yuan(callout) : "")
						+ " (" + howEnglish(how) + ")");
		orders.resumeAfterConsent(order.number(), "业主拒绝报价，本次上门结束 owner refused the quote");
		events
			.publishEvent(new QuoteRefused(order.number(), order.tenantId(), quote.id(), reason.trim(), callout, now));
		return rows.byId(quote.id()).orElseThrow();
	}

	private Quote proposed(String number) {
		Quote quote = rows.latest(number).orElseThrow(() -> new NotFound("Quote of order", number));
		if (quote.status() != QuoteStatus.PROPOSED) {
			throw ChargeRefused.decided(quote.id(), quote.status());
		}
		return quote;
	}

	private static ConsentHow consenter(Actor actor, OrderFacts order) {
		if (actor.is(Role.OWNER)) {
			if (order.reporterOwnerId() == null || order.reporterOwnerId() != actor.id()) {
				throw new NotFound("Quote of order", order.number());
			}
			return ConsentHow.SIGNED_IN;
		}
		if (actor.is(Role.AGENT)) {
			return ConsentHow.CALL;
		}
		throw new Forbidden("only the reporting owner, or an agent on a recorded call, answers a quote");
	}

	/** The owner who opened the SMS link, as the history names them. */
	private static Actor ownerByCode(OrderFacts order) {
		long id = order.reporterOwnerId() == null ? 0 : order.reporterOwnerId();
		return new Actor(id, PhoneNumber.mask(order.reporterPhone()), order.reporterName(), Role.OWNER, null, null);
	}

	private List<QuoteLine> priced(OrderFacts order, QuoteRequest request) {
		List<QuoteRequest.Line> asked = request == null || request.lines() == null ? List.of() : request.lines();
		if (asked.isEmpty() || asked.size() > MAX_LINES) {
			throw new InvalidInput("lines", "1 to " + MAX_LINES + " lines");
		}
		LocalDate today = prices.today();
		ChargeRules rules = prices.rules(order.projectId());
		boolean home = order.area() == null;
		List<QuoteLine> lines = new ArrayList<>();
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		for (int i = 0; i < asked.size(); i++) {
			QuoteRequest.Line line = asked.get(i);
			Integer quantity = line == null ? null : line.quantity();
			if (quantity == null || quantity < 1 || quantity > properties.maxQuantity()) {
				errors.add(new InvalidInput.FieldError("lines[" + i + "].quantity",
						"a whole number from 1 to " + properties.maxQuantity()));
				continue;
			}
			Optional<PriceItem> item = prices.item(order.projectId(), line.itemCode(), today);
			if (item.isEmpty()) {
				errors.add(new InvalidInput.FieldError("lines[" + i + "].itemCode", "not on today's price list"));
				continue;
			}
			PriceItem p = item.get();
			lines.add(new QuoteLine(p.code(), p.name(), p.kind(), p.unit(), p.unitPriceFen(), quantity,
					Math.multiplyExact(p.unitPriceFen(), quantity),
					rules.paid(p.chargeable(), home, order.category(), today)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return lines;
	}

	static String howEnglish(ConsentHow how) {
		return switch (how) {
			case SIGNED_IN -> "signed in";
			case CODE -> "by the SMS link";
			case CALL -> "on a recorded call";
			case FREE -> "free, no consent needed";
		};
	}

	static String howWords(ConsentHow how) {
		return switch (how) {
			case SIGNED_IN -> "业主登录确认";
			case CODE -> "短信链接确认";
			case CALL -> "客服电话录音确认";
			case FREE -> "免费，无需确认";
		};
	}

	private String newCode() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A quote opened by its one-time link.
	 *
	 * @param quote the quote
	 * @param number the order
	 * @param place where
	 */
	public record ByCode(Quote quote, String number, String place) {
	}

}

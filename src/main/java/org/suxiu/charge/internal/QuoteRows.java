package org.suxiu.charge.internal;

import org.suxiu.charge.ConsentHow;
import org.suxiu.charge.ItemKind;
import org.suxiu.charge.Quote;
import org.suxiu.charge.QuoteLine;
import org.suxiu.charge.QuoteStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The quote tables: rows in, quotes out; a decided quote is never updated. */
@Component
public class QuoteRows {

	private final JdbcClient jdbc;

	QuoteRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long tenantId, long projectId, String number, List<QuoteLine> lines, long total, long payable,
			String note, String by, Instant at, String codeHash, Instant codeExpiresAt) {
		boolean free = payable == 0;
		long id = jdbc.sql("""
				INSERT INTO charge_quote (tenant_id, project_id, order_number, status, total_fen, payable_fen, note,
				    created_by, created_at, decided_by, decided_role, decided_how, decided_at, approved_fen,
				    code_hash, code_expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
				""")
			.params(tenantId, projectId, number, free ? "APPROVED" : "PROPOSED", total, payable, note, by,
					Timestamp.from(at), free ? by : null, free ? "SYSTEM" : null, free ? "FREE" : null,
					free ? Timestamp.from(at) : null, free ? 0L : null, codeHash,
					codeExpiresAt == null ? null : Timestamp.from(codeExpiresAt))
			.query(Long.class)
			.single();
		for (int i = 0; i < lines.size(); i++) {
			QuoteLine l = lines.get(i);
			jdbc.sql("""
					INSERT INTO charge_quote_line (quote_id, line_no, item_code, name, kind, unit, unit_price_fen,
					    quantity, amount_fen, paid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(id, i + 1, l.itemCode(), l.name(), l.kind().name(), l.unit(), l.unitPriceFen(), l.quantity(),
						l.amountFen(), l.paid())
				.update();
		}
		return id;
	}

	/** Keeps the quote's one-time code until the owner answers. */
	public void keepCode(long id, String code, Instant expiresAt) {
		jdbc.sql("INSERT INTO charge_consent_code (quote_id, code, expires_at) VALUES (?, ?, ?)")
			.params(id, code, Timestamp.from(expiresAt))
			.update();
	}

	/** The code of a quote still waiting for the owner, while it is valid. */
	public Optional<String> code(long id, Instant now) {
		return jdbc.sql("""
				SELECT c.code FROM charge_consent_code c JOIN charge_quote q ON q.id = c.quote_id
				WHERE c.quote_id = ? AND q.status = 'PROPOSED' AND c.expires_at > ?
				""").params(id, Timestamp.from(now)).query(String.class).optional();
	}

	/**
	 * Records the answer if the quote still waits for it; its one-time code goes.
	 * @return whether this answer was the one recorded
	 */
	public boolean decide(long id, QuoteStatus status, Quote.Decision decision) {
		jdbc.sql("DELETE FROM charge_consent_code WHERE quote_id = ?").param(id).update();
		return jdbc.sql("""
				UPDATE charge_quote SET status = ?, decided_by = ?, decided_role = ?, decided_how = ?, decided_at = ?,
				    approved_fen = ?, refusal_reason = ?, callout_fen = ?, code_hash = NULL
				WHERE id = ? AND status = 'PROPOSED'
				""")
			.params(status.name(), decision.by(), decision.role(), decision.how().name(), Timestamp.from(decision.at()),
					decision.approvedFen(), decision.reason(), decision.calloutFen(), id)
			.update() == 1;
	}

	public Optional<Quote> latest(String number) {
		return all(number).stream().reduce((a, b) -> b);
	}

	public List<Quote> all(String number) {
		return jdbc.sql("SELECT * FROM charge_quote WHERE order_number = ? ORDER BY id")
			.param(number)
			.query(this::quote)
			.list();
	}

	public Optional<Quote> byId(long id) {
		return jdbc.sql("SELECT * FROM charge_quote WHERE id = ?").param(id).query(this::quote).optional();
	}

	/** The proposed quote a one-time code opens, while it is valid. */
	public Optional<Quote> byCode(String codeHash, Instant now) {
		return jdbc.sql("""
				SELECT * FROM charge_quote WHERE code_hash = ? AND status = 'PROPOSED' AND code_expires_at > ?
				""").params(codeHash, Timestamp.from(now)).query(this::quote).optional();
	}

	public boolean waitsForOwner(String number) {
		return jdbc.sql("SELECT count(*) FROM charge_quote WHERE order_number = ? AND status = 'PROPOSED'")
			.param(number)
			.query(Long.class)
			.single() > 0;
	}

	private Quote quote(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		List<QuoteLine> lines = jdbc.sql("SELECT * FROM charge_quote_line WHERE quote_id = ? ORDER BY line_no")
			.param(id)
			.query((l, n) -> new QuoteLine(l.getString("item_code"), l.getString("name"),
					ItemKind.valueOf(l.getString("kind")), l.getString("unit"), l.getLong("unit_price_fen"),
					l.getInt("quantity"), l.getLong("amount_fen"), l.getBoolean("paid")))
			.list();
		Quote.Decision decision = rs.getString("decided_how") == null ? null
				: new Quote.Decision(rs.getString("decided_by"), rs.getString("decided_role"),
						ConsentHow.valueOf(rs.getString("decided_how")), rs.getTimestamp("decided_at").toInstant(),
						(Long) rs.getObject("approved_fen"), rs.getString("refusal_reason"), rs.getLong("callout_fen"));
		return new Quote(id, rs.getString("order_number"), lines, rs.getLong("total_fen"), rs.getLong("payable_fen"),
				QuoteStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), decision);
	}

}

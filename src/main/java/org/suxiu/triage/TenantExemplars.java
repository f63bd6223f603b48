package org.suxiu.triage;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.triage.model.EmbeddingText;
import org.suxiu.triage.model.LabelledVector;
import org.suxiu.triage.model.SentenceEncoder;

/**
 * Each tenant's own exemplars (from regrades and imports) with their vectors, and the
 * shipped exemplars the tenant has hidden. Cached per tenant by a stamp of the rows, so a
 * regrade on one instance is used by the next order on every instance; one tenant's
 * exemplars never grade another tenant's orders.
 */
@Repository
class TenantExemplars {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<SentenceEncoder> encoder;

	private final Map<Long, Set> cache = new ConcurrentHashMap<>();

	TenantExemplars(JdbcClient jdbc, Clock clock, ObjectProvider<SentenceEncoder> encoder) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.encoder = encoder;
	}

	/**
	 * A tenant's exemplars as the classifier uses them.
	 *
	 * @param stamp identifies the rows they were read from
	 * @param vectors the tenant's own exemplars
	 * @param hidden keys of shipped exemplars the tenant removed
	 */
	record Set(String stamp, List<LabelledVector> vectors, java.util.Set<String> hidden) {
	}

	/** The stamp of a tenant's rows as an SQL expression of the parameter {@code :t}. */
	static final String STAMP = """
			(SELECT count(*) || ':' || coalesce(max(id), 0) FROM triage_exemplar WHERE tenant_id = :t)
			    || '/' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM triage_exemplar_hidden WHERE tenant_id = :t)
			""";

	Set of(long tenantId) {
		return of(tenantId, jdbc.sql("SELECT " + STAMP).param("t", tenantId).query(String.class).single());
	}

	/** As {@link #of(long)}, with the stamp the caller read together with its own. */
	Set of(long tenantId, String stamp) {
		Set cached = cache.get(tenantId);
		if (cached != null && cached.stamp().equals(stamp)) {
			return cached;
		}
		if (stamp.equals("0:0/0:0")) {
			Set empty = new Set(stamp, List.of(), java.util.Set.of());
			cache.put(tenantId, empty);
			return empty;
		}
		List<LabelledVector> vectors = jdbc
			.sql("SELECT id, text, grade, vector FROM triage_exemplar WHERE tenant_id = ? ORDER BY id")
			.param(tenantId)
			.query((rs, n) -> new LabelledVector(Long.toString(rs.getLong("id")), rs.getString("text"),
					Grade.valueOf(rs.getString("grade")), floats(rs.getBytes("vector"))))
			.list();
		java.util.Set<String> hidden = new HashSet<>(
				jdbc.sql("SELECT exemplar_key FROM triage_exemplar_hidden WHERE tenant_id = ?")
					.param(tenantId)
					.query(String.class)
					.list());
		Set loaded = new Set(stamp, List.copyOf(vectors), java.util.Set.copyOf(hidden));
		cache.put(tenantId, loaded);
		return loaded;
	}

	/**
	 * Adds an exemplar, or regrades the tenant's exemplar with the same text.
	 * @return its id
	 */
	long add(long tenantId, String text, Grade grade, Category category, Exemplar.Source source, String note,
			String by) {
		String cut = text.length() > Triage.MAX_DESCRIPTION ? text.substring(0, Triage.MAX_DESCRIPTION) : text;
		SentenceEncoder model = encoder.getObject();
		float[] vector = model.encode(EmbeddingText.prepare(cut));
		return jdbc
			.sql("""
					INSERT INTO triage_exemplar (tenant_id, text, grade, category, source, note, created_at, created_by, vector)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (tenant_id, md5(text)) DO UPDATE
					SET grade = EXCLUDED.grade, category = EXCLUDED.category, source = EXCLUDED.source, note = EXCLUDED.note,
					    created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by
					RETURNING id
					""")
			.params(tenantId, cut, grade.name(), category == null ? Category.OTHER.name() : category.name(),
					source.name(), note == null ? null : note.substring(0, Math.min(note.length(), 500)),
					Timestamp.from(clock.instant()), by, bytes(vector))
			.query(Long.class)
			.single();
	}

	List<Exemplar> list(long tenantId, Grade grade, Exemplar.Source source) {
		return jdbc
			.sql("""
					SELECT id, text, grade, category, source, note, created_at, created_by FROM triage_exemplar
					WHERE tenant_id = :t AND (CAST(:g AS TEXT) IS NULL OR grade = :g) AND (CAST(:s AS TEXT) IS NULL OR source = :s)
					ORDER BY id DESC
					""")
			.param("t", tenantId)
			.param("g", grade == null ? null : grade.name())
			.param("s", source == null ? null : source.name())
			.query((rs, n) -> new Exemplar(Long.toString(rs.getLong("id")), rs.getString("text"),
					Grade.valueOf(rs.getString("grade")), Category.valueOf(rs.getString("category")),
					Exemplar.Source.valueOf(rs.getString("source")), rs.getTimestamp("created_at").toInstant(),
					rs.getString("created_by"), rs.getString("note")))
			.list();
	}

	boolean modelAvailable() {
		return encoder.getIfAvailable() != null;
	}

	java.util.Set<String> hidden(long tenantId) {
		return of(tenantId).hidden();
	}

	boolean delete(long tenantId, long id) {
		return jdbc.sql("DELETE FROM triage_exemplar WHERE tenant_id = ? AND id = ?").params(tenantId, id).update() > 0;
	}

	void hide(long tenantId, String shippedKey, String by) {
		jdbc.sql("""
				INSERT INTO triage_exemplar_hidden (tenant_id, exemplar_key, hidden_at, hidden_by) VALUES (?, ?, ?, ?)
				ON CONFLICT (tenant_id, exemplar_key) DO NOTHING
				""").params(tenantId, shippedKey, Timestamp.from(clock.instant()), by).update();
	}

	private static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4);
		for (float v : vector) {
			buffer.putFloat(v);
		}
		return buffer.array();
	}

	private static float[] floats(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		float[] vector = new float[bytes.length / 4];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = buffer.getFloat();
		}
		return vector;
	}

}

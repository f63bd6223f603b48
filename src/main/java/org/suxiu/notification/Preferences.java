package org.suxiu.notification;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How each person wants to be told: channels in order of preference, an e-mail address, a
 * language. Nobody has to set them: SMS in Chinese is the default.
 */
@Repository
class Preferences {

	static final Preference DEFAULT = new Preference(List.of(Channel.SMS), null, Languages.CHINESE);

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Preference> find(UserKind kind, long userId) {
		return jdbc
			.sql("SELECT channels, email, language FROM notification_preference WHERE user_kind = ? AND user_id = ?")
			.params(kind.name(), userId)
			.query((rs, n) -> {
				Array channels = rs.getArray("channels");
				List<Channel> list = Arrays.stream((String[]) channels.getArray()).map(Channel::valueOf).toList();
				return new Preference(list, rs.getString("email"), rs.getString("language"));
			})
			.optional();
	}

	Preference of(UserKind kind, long userId) {
		return find(kind, userId).orElse(DEFAULT);
	}

	void save(UserKind kind, long userId, Preference preference, Instant now) {
		String[] channels = preference.channels().stream().map(Channel::name).toArray(String[]::new);
		jdbc.sql("""
				INSERT INTO notification_preference (user_kind, user_id, channels, email, language, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (user_kind, user_id) DO UPDATE SET channels = EXCLUDED.channels, email = EXCLUDED.email,
				    language = EXCLUDED.language, updated_at = EXCLUDED.updated_at
				""")
			.params(kind.name(), userId, channels, preference.email(), preference.language(), Timestamp.from(now))
			.update();
	}

	/** Whose preference: an owner's or a staff member's. */
	enum UserKind {

		OWNER, STAFF

	}

	/**
	 * @param channels in order of preference
	 * @param email for the EMAIL channel, or {@code null}
	 * @param language {@code zh-CN} or {@code en}
	 */
	record Preference(List<Channel> channels, String email, String language) {

		Preference {
			channels = List.copyOf(channels);
		}

	}

}

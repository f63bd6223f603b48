package org.suxiu.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;

/**
 * Turns an {@link Actor} into a signed token and back. Everything a request needs to know
 * about its caller travels in the token, so no instance keeps sessions; the token also
 * carries its id ({@code jti}, for sign-out) and the account's access version
 * ({@code ver}), which {@link AccessCheck} compares on every request.
 */
class Tokens {

	static final String ISSUER = "suxiu";

	static final String VERSION = "ver";

	private final JwtEncoder encoder;

	private final Clock clock;

	private final Duration lifetime;

	Tokens(JwtEncoder encoder, Clock clock, Duration lifetime) {
		this.encoder = encoder;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	Duration lifetime() {
		return lifetime;
	}

	String issue(Actor actor, int accessVersion) {
		Instant now = clock.instant();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.claim(VERSION, accessVersion)
			.issuer(ISSUER)
			.subject(actor.username())
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.claim("uid", actor.id())
			.claim("name", actor.name())
			.claim("role", actor.role().name());
		if (actor.tenantId() != null) {
			claims.claim("tid", actor.tenantId());
		}
		if (!actor.projectIds().isEmpty()) {
			claims.claim("projects", actor.projectIds().stream().sorted().toList());
		}
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	/**
	 * The access version the token was issued under; tokens from before versions count as
	 * 0.
	 */
	static int versionOf(Jwt jwt) {
		Object version = jwt.getClaim(VERSION);
		return version instanceof Number number ? number.intValue() : 0;
	}

	static Actor actorOf(Jwt jwt) {
		Number tenant = jwt.getClaim("tid");
		List<?> projects = jwt.getClaimAsStringList("projects");
		Set<Long> projectIds = projects == null ? Set.of()
				: Set.copyOf(projects.stream().map(p -> Long.valueOf(p.toString())).toList());
		Number uid = jwt.getClaim("uid");
		return new Actor(uid.longValue(), jwt.getSubject(), jwt.getClaimAsString("name"),
				Role.valueOf(jwt.getClaimAsString("role")), tenant == null ? null : tenant.longValue(), projectIds);
	}

}

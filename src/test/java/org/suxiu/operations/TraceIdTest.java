package org.suxiu.operations;

import org.junit.jupiter.api.Test;
import org.suxiu.Api;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A problem response carries the request's trace id, which a caller can quote to support;
 * tracing is on (ids in logs and problems) while export is off by default.
 */
class TraceIdTest extends ApplicationTest {

	@Test
	void aProblemCarriesTheTraceId() {
		Api.Response missing = api.get("agent", "/api/v1/work-orders/BX20000101999999");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.isProblem()).isTrue();
		assertThat(missing.text("traceId")).matches("[0-9a-f]{32}");
	}

	@Test
	void twoRequestsHaveTwoTraceIds() {
		String first = api.get("agent", "/api/v1/work-orders/BX20000101999999").text("traceId");
		String second = api.get("agent", "/api/v1/work-orders/BX20000101999999").text("traceId");

		assertThat(first).isNotEqualTo(second);
	}

}

package org.suxiu.property;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.property.Companies.NewCompany;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/**
 * The platform operator's API: the property companies this installation hosts (OPERATOR
 * only; the operator's token opens nothing else).
 */
@RestController
@Tag(name = "Platform 平台")
class PlatformController {

	private final Companies companies;

	PlatformController(Companies companies) {
		this.companies = companies;
	}

	@GetMapping("/api/v1/platform/companies")
	@Operation(summary = "The property companies on this installation (OPERATOR)")
	Map<String, List<CompanyDetails>> list(Actor actor) {
		return Map.of("items", companies.list(actor));
	}

	@PostMapping("/api/v1/platform/companies")
	@Operation(summary = "Create a property company and its first administrator (OPERATOR)",
			description = "{\"name\",\"code\"?,\"adminUsername\",\"adminPassword\"} → 201; a taken username or "
					+ "code → 409")
	ResponseEntity<CompanyDetails> create(Actor actor, @RequestBody NewCompany company) {
		CompanyDetails created = companies.create(actor, company);
		return ResponseEntity.created(URI.create("/api/v1/platform/companies/" + created.id())).body(created);
	}

	@PatchMapping("/api/v1/platform/companies/{id}")
	@Operation(summary = "Suspend a company or restore it (OPERATOR)", description = "{\"suspended\": true|false}")
	CompanyDetails suspend(Actor actor, @PathVariable long id, @RequestBody Map<String, Object> body) {
		if (!(body.get("suspended") instanceof Boolean suspended)) {
			throw new InvalidInput("suspended", "true or false");
		}
		return companies.suspend(actor, id, suspended);
	}

}

package org.suxiu.property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suxiu.property.MasterData.NewProject;
import org.suxiu.property.MasterData.ProjectChanges;
import org.suxiu.property.ProjectSites.NewArea;
import org.suxiu.property.ProjectSites.NewBuilding;
import org.suxiu.shared.Actor;
import org.suxiu.shared.InvalidInput;

/**
 * Master data over HTTP for a company's administrator (ADMIN, own company), so that an
 * ERP or billing system can keep SuXiu in step: projects, buildings, common areas, and
 * homes with their owners from an Excel or CSV file.
 */
@RestController
@Tag(name = "Master data 基础数据")
class MasterDataController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final MasterData masterData;

	private final ProjectSites sites;

	private final HomeImport homes;

	MasterDataController(MasterData masterData, ProjectSites sites, HomeImport homes) {
		this.masterData = masterData;
		this.sites = sites;
		this.homes = homes;
	}

	@GetMapping("/api/v1/company")
	@Operation(summary = "The signed-in administrator's company (ADMIN)")
	Map<String, Object> company(Actor actor) {
		return Map.of("name", masterData.companyName(actor), "projects", masterData.projects(actor).size());
	}

	@PatchMapping("/api/v1/company")
	@Operation(summary = "Rename the company (ADMIN)", description = "{\"name\": \"…物业\"}")
	Map<String, Object> renameCompany(Actor actor, @RequestBody Map<String, String> body) {
		masterData.renameCompany(actor, body.get("name"));
		return company(actor);
	}

	@GetMapping("/api/v1/projects")
	@Operation(summary = "The company's projects 小区, archived ones too (ADMIN)")
	Map<String, List<ProjectDetails>> projects(Actor actor) {
		return Map.of("items", masterData.projects(actor));
	}

	@PostMapping("/api/v1/projects")
	@Operation(summary = "Set up a project (ADMIN)",
			description = "The code must be unused across the installation (409 otherwise). The project gets the "
					+ "default SLA policy and working calendar until they are edited.")
	ResponseEntity<ProjectDetails> create(Actor actor, @RequestBody NewProject project) {
		ProjectDetails created = masterData.create(actor, project);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + created.code())).body(created);
	}

	@GetMapping("/api/v1/projects/{code}")
	@Operation(summary = "One project of the company (ADMIN); another company's answers 404")
	ProjectDetails project(Actor actor, @PathVariable String code) {
		return masterData.project(actor, code);
	}

	@PatchMapping("/api/v1/projects/{code}")
	@Operation(summary = "Change a project, archive it (\"archived\": true) or restore it (ADMIN)",
			description = "Members left out stay as they are. An archived project keeps its orders and refuses "
					+ "new ones (422 project-archived).")
	ProjectDetails change(Actor actor, @PathVariable String code, @RequestBody ProjectChanges changes) {
		return masterData.change(actor, code, changes);
	}

	@GetMapping("/api/v1/projects/{code}/buildings")
	@Operation(summary = "The project's buildings (ADMIN)")
	Map<String, List<BuildingDetails>> buildings(Actor actor, @PathVariable String code) {
		return Map.of("items", sites.buildings(actor, code));
	}

	@PostMapping("/api/v1/projects/{code}/buildings")
	@Operation(summary = "Add a building (ADMIN)",
			description = "{\"code\",\"name\",\"floors\",\"units\",\"lat\",\"lng\"}")
	ResponseEntity<BuildingDetails> addBuilding(Actor actor, @PathVariable String code,
			@RequestBody NewBuilding building) {
		BuildingDetails added = sites.addBuilding(actor, code, building);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + code + "/buildings")).body(added);
	}

	@GetMapping("/api/v1/projects/{code}/areas")
	@Operation(summary = "The project's common areas 公共区域 (ADMIN)")
	Map<String, List<AreaDetails>> areas(Actor actor, @PathVariable String code) {
		return Map.of("items", sites.areas(actor, code));
	}

	@PostMapping("/api/v1/projects/{code}/areas")
	@Operation(summary = "Add a common area (ADMIN)",
			description = "{\"name\",\"kind\": \"LIFT|GARAGE|PUMP_ROOM|POWER_ROOM|GATE|GARDEN|CLUBHOUSE|CORRIDOR|ROOF|"
					+ "FIRE_SYSTEM|PLAYGROUND|OTHER\" (guessed from the name if left out),\"building\"?}")
	ResponseEntity<AreaDetails> addArea(Actor actor, @PathVariable String code, @RequestBody NewArea area) {
		AreaDetails added = sites.addArea(actor, code, area);
		return ResponseEntity.created(URI.create("/api/v1/projects/" + code + "/areas")).body(added);
	}

	@PostMapping(path = "/api/v1/projects/{code}/homes/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import homes and owners from the Excel template or CSV (ADMIN)",
			description = "Multipart part 'file' (.xlsx or UTF-8 CSV, at most 5 MB). Any bad row refuses the "
					+ "whole file: 400 import-rejected with errors [{row, field, message}]; a file that is not "
					+ "Excel or CSV 415; too large 413. Importing again creates nothing twice.")
	HomeImport.Result importHomes(Actor actor, @PathVariable String code, @RequestPart("file") MultipartFile file) {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "the file is empty 文件为空");
		}
		try {
			return homes.importFile(actor, code, file.getOriginalFilename(), file.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/api/v1/projects/{code}/homes/template.xlsx")
	@Operation(summary = "The Excel template for the homes import (ADMIN)")
	ResponseEntity<byte[]> template(Actor actor, @PathVariable String code) {
		masterData.project(actor, code);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("homes-" + code + ".xlsx").build().toString())
			.body(homes.template());
	}

}

package org.suxiu.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.Assets;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * Where an equipment label's QR code leads ({@code /a/{id}}): an owner of the project to
 * the fault report, filled in with the place and repair type; staff to the asset's page
 * with its history and next plan.
 */
@Controller
class QrLanding {

	private final Assets assets;

	private final PropertyDirectory property;

	QrLanding(Assets assets, PropertyDirectory property) {
		this.assets = assets;
		this.property = property;
	}

	@GetMapping("/a/{id:\\d+}")
	String asset(Actor me, @PathVariable long id) {
		if (me.is(Role.OWNER)) {
			AssetView asset = assets.find(id)
				.filter(a -> property.homesOf(me.id()).stream().anyMatch(h -> h.project().id() == a.projectId()))
				.orElseThrow(() -> new NotFound("Asset", String.valueOf(id)));
			return "redirect:" + UriComponentsBuilder.fromPath("/owner/report")
				.queryParam("place", "area:" + asset.place())
				.queryParam("category", asset.type().category())
				.encode()
				.build()
				.toUriString();
		}
		return "redirect:/assets/" + assets.visible(me, id).id();
	}

}

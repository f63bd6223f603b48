package org.suxiu.notification;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.suxiu.notification.Preferences.Preference;
import org.suxiu.notification.Preferences.UserKind;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Role;
import org.suxiu.wechat.WechatAccounts;
import org.suxiu.workorder.OrderFacts;

/**
 * Finds the people a notice is for, with their numbers from the property module and their
 * preferences.
 */
@Component
class Recipients {

	private final PropertyDirectory directory;

	private final Preferences preferences;

	private final WechatAccounts wechat;

	Recipients(PropertyDirectory directory, Preferences preferences, WechatAccounts wechat) {
		this.directory = directory;
		this.preferences = preferences;
		this.wechat = wechat;
	}

	Optional<Recipient> staff(long tenantId, String idOrUsername) {
		return directory.staff(tenantId, idOrUsername).filter(StaffMember::active).map(this::staff);
	}

	/** The active staff of a role who serve the project. */
	List<Recipient> staffOf(long tenantId, long projectId, Role role) {
		return directory.staffOf(tenantId, role)
			.stream()
			.filter(s -> s.active() && s.serves(projectId))
			.map(this::staff)
			.toList();
	}

	/** The tenant's active administrators. */
	List<Recipient> administrators(long tenantId) {
		return directory.staffOf(tenantId, Role.ADMIN).stream().filter(StaffMember::active).map(this::staff).toList();
	}

	/**
	 * Whoever reported the order: the owner account behind it, or the caller's number if
	 * they have none.
	 */
	Recipient reporter(OrderFacts order) {
		Optional<Long> owner = Optional.ofNullable(order.reporterOwnerId())
			.or(() -> directory.ownerIdByPhone(order.reporterPhone()));
		return owner.map(id -> owner(id, order.reporterPhone(), order.reporterName()))
			.orElseGet(() -> new Recipient("phone:" + order.reporterPhone(), null, order.reporterName(),
					order.reporterPhone(), null, Languages.CHINESE, Preferences.DEFAULT.channels(), false));
	}

	/**
	 * A caller known by name and phone: the owner with that number if there is one,
	 * otherwise the number itself.
	 */
	Recipient caller(String name, String phone) {
		return directory.ownerIdByPhone(phone)
			.map(id -> owner(id, phone, name))
			.orElseGet(() -> new Recipient("phone:" + phone, null, name, phone, null, Languages.CHINESE,
					Preferences.DEFAULT.channels(), false));
	}

	/** The owner signing in with this number, for the language of their code. */
	Optional<Recipient> ownerByPhone(String phone) {
		return directory.ownerIdByPhone(phone).map(id -> owner(id, phone, null));
	}

	/** A registered owner, by their preferences. */
	Recipient ownerOf(long id, String phone, String name) {
		return owner(id, phone, name);
	}

	private Recipient owner(long id, String phone, String name) {
		Preference preference = preferences.of(UserKind.OWNER, id);
		// the openid is looked up only for owners who asked for WeChat
		String openid = preference.channels().contains(Channel.WECHAT) ? wechat.openidOfOwner(id).orElse(null) : null;
		return new Recipient("owner:" + id, phone, name, phone, preference.email(), preference.language(),
				preference.channels(), false, openid);
	}

	private Recipient staff(StaffMember staff) {
		Preference preference = preferences.of(UserKind.STAFF, staff.id());
		return new Recipient("staff:" + staff.id(), staff.username(), staff.name(), staff.phone(), preference.email(),
				preference.language(), preference.channels(), true);
	}

}

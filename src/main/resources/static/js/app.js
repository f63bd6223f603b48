// SuXiu pages: CSRF header on htmx requests, and live countdowns to SLA deadlines.
(function () {
	'use strict';
	function meta(name) {
		var m = document.querySelector('meta[name="' + name + '"]');
		return m ? m.getAttribute('content') : null;
	}
	document.addEventListener('htmx:configRequest', function (e) {
		var token = meta('_csrf'), header = meta('_csrf_header');
		if (token && header) {
			e.detail.headers[header] = token;
		}
	});

	function pad(n) { return n < 10 ? '0' + n : '' + n; }
	function tick() {
		var now = Date.now();
		document.querySelectorAll('[data-deadline]').forEach(function (el) {
			var left = Math.round((Date.parse(el.getAttribute('data-deadline')) - now) / 1000);
			var late = left < 0, s = Math.abs(left);
			var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
			var text = (h > 0 ? h + ':' + pad(m) : m) + ':' + pad(sec);
			var label = el.getAttribute(late ? 'data-label-late' : 'data-label-left') || '';
			el.textContent = label + ' ' + (late ? '+' : '') + text;
			el.classList.toggle('late', late);
			el.classList.toggle('soon', !late && left < 600);
		});
	}
	document.addEventListener('DOMContentLoaded', tick);
	document.addEventListener('htmx:afterSettle', tick);
	setInterval(tick, 1000);
})();

// SuXiu pages: CSRF header on htmx requests, live fragments refreshed by the event stream,
// and live countdowns to SLA deadlines.
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

	// Live fragments ([data-live], or [data-live=number] for one order's page) refresh when
	// the page's event stream brings news; their hx-trigger keeps a slow poll besides.
	// EventSource reconnects by itself and sends Last-Event-ID.
	function listen() {
		if (!window.EventSource || !document.querySelector('[data-live]')) {
			return;
		}
		var stream = new EventSource('/live/events');
		stream.onmessage = function (e) {
			var number = null;
			try {
				number = JSON.parse(e.data).number;
			} catch (ignored) {
				// not an order's news: refresh every live part
			}
			document.querySelectorAll('[data-live]').forEach(function (el) {
				var only = el.getAttribute('data-live');
				if (!only || !number || only === number) {
					htmx.trigger(el, 'live');
				}
			});
		};
		window.addEventListener('pagehide', function () { stream.close(); });
		window.addEventListener('pageshow', function (e) {
			if (e.persisted) {
				listen();
			}
		}, { once: true });
	}
	document.addEventListener('DOMContentLoaded', listen);

	// A select box marked data-autosubmit sends its form when changed (no inline handler:
	// the Content-Security-Policy runs no inline script).
	document.addEventListener('change', function (e) {
		if (e.target.matches && e.target.matches('select[data-autosubmit]') && e.target.form) {
			e.target.form.submit();
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

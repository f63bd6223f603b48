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
					newsAt[liveKey(el)] = Date.now();
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

	// A fragment swapped with outerHTML drops the request queued on the element it
	// replaced: news that came while a refresh was on its way (a technician's replayed
	// steps arrive within milliseconds) would wait for the slow poll. So a fragment that
	// settles after such news asks once more.
	var newsAt = {}, askedAt = {};
	function liveKey(el) {
		return (el.id || '') + '|' + (el.getAttribute('data-live') || '');
	}
	document.addEventListener('htmx:beforeRequest', function (e) {
		var el = e.detail.elt;
		if (el && el.hasAttribute && el.hasAttribute('data-live')) {
			askedAt[liveKey(el)] = Date.now();
		}
	});
	document.addEventListener('htmx:afterSettle', function () {
		document.querySelectorAll('[data-live]').forEach(function (el) {
			var key = liveKey(el);
			if (newsAt[key] && newsAt[key] >= (askedAt[key] || 0) && !el.classList.contains('htmx-request')) {
				newsAt[key] = 0;
				htmx.trigger(el, 'live');
			}
		});
	});

	// A select box marked data-autosubmit sends its form when changed (no inline handler:
	// the Content-Security-Policy runs no inline script).
	document.addEventListener('change', function (e) {
		if (e.target.matches && e.target.matches('select[data-autosubmit]') && e.target.form) {
			e.target.form.submit();
		}
	});

	// The emergency sound: off until the person turns it on (browsers play nothing
	// unasked); then a short two-tone alarm whenever the console shows an emergency nobody
	// has taken, again every 30 s while it stays.
	var audio = null, lastAlarm = 0;
	function soundOn() {
		try { return window.localStorage.getItem('suxiu.sound') === 'on'; } catch (e) { return false; }
	}
	function showSound() {
		var b = document.getElementById('sound');
		if (b) {
			b.setAttribute('aria-pressed', soundOn() ? 'true' : 'false');
			b.textContent = b.getAttribute(soundOn() ? 'data-label-on' : 'data-label-off') || b.textContent;
		}
	}
	function beep() {
		if (!soundOn() || !(window.AudioContext || window.webkitAudioContext)) {
			return;
		}
		audio = audio || new (window.AudioContext || window.webkitAudioContext)();
		[0, 0.35].forEach(function (at, i) {
			var o = audio.createOscillator(), g = audio.createGain();
			o.frequency.value = i ? 660 : 880;
			g.gain.value = 0.2;
			o.connect(g);
			g.connect(audio.destination);
			o.start(audio.currentTime + at);
			o.stop(audio.currentTime + at + 0.3);
		});
	}
	function alarm() {
		if (document.querySelector('[data-emergency]') && Date.now() - lastAlarm > 30000) {
			lastAlarm = Date.now();
			beep();
		}
	}
	document.addEventListener('click', function (e) {
		if (e.target.id === 'sound') {
			try {
				window.localStorage.setItem('suxiu.sound', soundOn() ? 'off' : 'on');
			} catch (ignored) {
				// private mode: no sound setting
			}
			showSound();
			lastAlarm = 0;
			alarm();
		}
	});
	document.addEventListener('DOMContentLoaded', function () { showSound(); alarm(); });
	document.addEventListener('htmx:afterSettle', alarm);

	// "剩余 2天3小时（周一10:30前）": the two largest units, as people say it
	function span(s, units, sep) {
		var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
		function part(n, i) { return n + sep + units[i]; }
		if (d > 0) {
			return part(d, 0) + (h > 0 ? sep + part(h, 1) : '');
		}
		if (h > 0) {
			return part(h, 1) + (m > 0 ? sep + part(m, 2) : '');
		}
		return m > 0 ? part(m, 2) + (s % 60 > 0 && m < 10 ? sep + part(s % 60, 3) : '') : part(s % 60, 3);
	}
	function tick() {
		var now = Date.now(), zh = (document.documentElement.lang || 'zh').indexOf('zh') === 0;
		document.querySelectorAll('[data-deadline]').forEach(function (el) {
			var left = Math.round((Date.parse(el.getAttribute('data-deadline')) - now) / 1000);
			var late = left < 0;
			var units = (el.getAttribute('data-units') || 'd|h|min|s').split('|');
			var label = el.getAttribute(late ? 'data-label-late' : 'data-label-left') || '';
			var text = span(Math.abs(left), units, zh ? '' : ' ');
			el.textContent = zh ? label + ' ' + text : (late ? label + ' ' + text : text + ' ' + label);
			el.classList.toggle('late', late);
			el.classList.toggle('soon', !late && left < 600);
		});
	}
	document.addEventListener('DOMContentLoaded', tick);
	document.addEventListener('htmx:afterSettle', tick);
	setInterval(tick, 1000);
})();

// a receipt's print button (no inline script under the content security policy)
document.addEventListener('click', function (event) {
	if (event.target.closest && event.target.closest('[data-print]')) {
		window.print();
	}
});

// Chart.js (about 200 KB) is fetched only once the page has loaded: the figures and tables,
// which say the same as the charts, are painted first. A page's script hands over the
// script's address and what to draw; drawing waits for it, once, however many ask.
window.suxiuCharts = (function () {
	'use strict';
	var waiting = [];
	return function (src, draw) {
		if (window.Chart) {
			draw();
			return;
		}
		waiting.push(draw);
		if (waiting.length > 1 || !src) {
			return;
		}
		function fetch() {
			var script = document.createElement('script');
			script.src = src;
			script.onload = function () {
				waiting.splice(0).forEach(function (each) { each(); });
			};
			document.head.appendChild(script);
		}
		if (document.readyState === 'complete') {
			fetch();
		} else {
			window.addEventListener('load', fetch);
		}
	};
})();

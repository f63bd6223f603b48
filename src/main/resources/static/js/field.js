// The technician's phone as a field tool: the service worker (app shell and today's jobs
// offline), the position sent while on duty with consent, the owner's signature, and
// actions taken without a signal queued with idempotency keys and replayed in order when
// it returns; refused ones are shown until read, never dropped.
(function () {
	'use strict';
	var main = document.querySelector('main[data-field]');
	if (!main) {
		return;
	}
	var QUEUE = 'suxiu.field.queue', CONFLICTS = 'suxiu.field.conflicts', CONSENT = 'suxiu.field.consent',
		SYNCED = 'suxiu.field.synced', POSITIONS = 'suxiu.field.positions';
	var onDuty = main.getAttribute('data-on-duty') === 'true';

	function load(key, fallback) {
		try {
			var value = window.localStorage.getItem(key);
			return value ? JSON.parse(value) : fallback;
		} catch (e) {
			return fallback;
		}
	}
	function save(key, value) {
		try {
			window.localStorage.setItem(key, JSON.stringify(value));
		} catch (e) {
			// private mode: nothing kept across pages
		}
	}
	function meta(name) {
		var m = document.querySelector('meta[name="' + name + '"]');
		return m ? m.getAttribute('content') : null;
	}
	function post(url, body) {
		var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
		if (meta('_csrf_header') && meta('_csrf')) {
			headers[meta('_csrf_header')] = meta('_csrf');
		}
		return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' });
	}
	function newKey() {
		return window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID()
			: Date.now() + '-' + Math.random().toString(36).slice(2);
	}

	// --- the service worker: the app shell and today's jobs
	if ('serviceWorker' in navigator) {
		navigator.serviceWorker.register('/tech/sw.js', { scope: '/tech' }).then(function () {
			return navigator.serviceWorker.ready;
		}).then(function (registration) {
			var urls = [];
			document.querySelectorAll('a[href^="/tech/jobs/"]').forEach(function (a) {
				urls.push(a.getAttribute('href'));
			});
			if (registration.active) {
				registration.active.postMessage({ type: 'cache-jobs', urls: urls.concat(['/tech']) });
			}
		}).catch(function () {
			// no service worker (an old browser): the pages still work online
		});
	}
	document.addEventListener('submit', function (e) {
		if (e.target.getAttribute('action') === '/logout' && navigator.serviceWorker && navigator.serviceWorker.controller) {
			navigator.serviceWorker.controller.postMessage({ type: 'forget' });
		}
	});

	// --- the offline queue
	function showQueue() {
		var el = document.getElementById('offline');
		var queue = load(QUEUE, []);
		if (el) {
			el.hidden = queue.length === 0;
			el.textContent = (el.getAttribute('data-text') || '').replace('{n}', queue.length);
		}
	}
	function showConflicts() {
		var box = document.getElementById('conflicts'), list = document.getElementById('conflict-list');
		var conflicts = load(CONFLICTS, []);
		if (!box || !list) {
			return;
		}
		box.hidden = conflicts.length === 0;
		list.textContent = '';
		conflicts.forEach(function (c) {
			var li = document.createElement('li');
			li.textContent = c.number + ' · ' + c.action + '：' + c.message;
			list.appendChild(li);
		});
	}
	function showSynced() {
		var el = document.getElementById('synced'), synced = load(SYNCED, null);
		if (!el || !synced) {
			return;
		}
		el.hidden = false;
		el.setAttribute('data-count', synced.count);
		el.setAttribute('data-ms', synced.ms);
		el.textContent = (el.getAttribute('data-text') || '').replace('{n}', synced.count)
			.replace('{s}', (synced.ms / 1000).toFixed(1));
		window.localStorage.removeItem(SYNCED);
	}
	// the job page follows the steps queued for its order, so the next one can be taken offline
	function showStep(section, status) {
		section.setAttribute('data-status', status);
		section.querySelectorAll('form[data-when]').forEach(function (form) {
			form.hidden = form.getAttribute('data-when') !== status;
		});
	}
	function followQueue() {
		var section = document.querySelector('[data-number][data-status]');
		if (!section) {
			return;
		}
		var number = section.getAttribute('data-number'), status = null;
		load(QUEUE, []).forEach(function (a) {
			if (a.number === number) {
				status = a.next;
			}
		});
		if (status) {
			showStep(section, status);
		}
	}
	document.addEventListener('click', function (e) {
		if (e.target.id === 'conflicts-dismiss') {
			window.localStorage.removeItem(CONFLICTS);
			showConflicts();
		}
	});
	document.addEventListener('submit', function (e) {
		var form = e.target;
		if (!form.matches || !form.matches('form[data-offline]')) {
			return;
		}
		fillSignature(form);
		if (navigator.onLine && load(QUEUE, []).length === 0) {
			return;
		}
		e.preventDefault();
		var section = form.closest('[data-number]');
		var action = { key: newKey(), number: section.getAttribute('data-number'), action: form.getAttribute('data-offline'),
			takenAt: new Date().toISOString(), next: form.getAttribute('data-next') };
		if (action.action === 'COMPLETE') {
			action.note = form.querySelector('[name=resolution]').value;
			action.checklist = [];
			form.querySelectorAll('input[name=checklist]:checked').forEach(function (c) { action.checklist.push(c.value); });
			var signature = form.querySelector('input[name=signature]');
			if (signature && signature.value) {
				action.signature = signature.value;
			}
		}
		var queue = load(QUEUE, []);
		queue.push(action);
		save(QUEUE, queue);
		showStep(section, action.next);
		showQueue();
		flush();
	}, true);

	var flushing = false;
	function flush() {
		var queue = load(QUEUE, []);
		if (!queue.length || flushing || !navigator.onLine) {
			return;
		}
		flushing = true;
		var started = performance.now();
		var actions = queue.map(function (a) {
			return { key: a.key, number: a.number, action: a.action, note: a.note, checklist: a.checklist,
				signature: a.signature, takenAt: a.takenAt };
		});
		post('/tech/sync', { actions: actions }).then(function (response) {
			if (response.status === 400 || response.status === 422) {
				// the batch itself was refused: each action is shown as not done, none dropped
				return response.json().then(function (problem) {
					return { outcomes: queue.map(function (a) {
						return { number: a.number, action: a.action, result: 'CONFLICT', message: problem.detail || '' };
					}) };
				});
			}
			if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
				throw new Error('not sent: ' + response.status);
			}
			return response.json();
		}).then(function (body) {
			save(QUEUE, load(QUEUE, []).slice(queue.length));
			var conflicts = load(CONFLICTS, []);
			body.outcomes.forEach(function (o) {
				if (o.result === 'CONFLICT') {
					conflicts.push({ number: o.number, action: o.action, message: o.message });
				}
			});
			save(CONFLICTS, conflicts);
			save(SYNCED, { count: queue.length, ms: Math.round(performance.now() - started) });
			flushing = false;
			window.location.reload();
		}).catch(function () {
			flushing = false;
			showQueue();
		});
	}
	window.addEventListener('online', function () {
		flush();
		tick();
	});

	// --- the position, every 30 s and at each step (a step reloads the page), on duty and with consent
	function consented() {
		return load(CONSENT, 'no') === 'yes';
	}
	function showConsent() {
		var state = document.getElementById('position-state');
		var share = document.getElementById('share-position'), stop = document.getElementById('stop-position');
		if (state) {
			state.textContent = state.getAttribute(consented() ? 'data-on' : 'data-off');
		}
		if (share && stop) {
			share.hidden = consented();
			stop.hidden = !consented();
		}
	}
	function sendPositions() {
		var pending = load(POSITIONS, []);
		if (!pending.length || !navigator.onLine) {
			return Promise.resolve();
		}
		save(POSITIONS, []);
		return post('/tech/positions', { positions: pending }).then(function (response) {
			if (response.status >= 500) {
				save(POSITIONS, pending.concat(load(POSITIONS, [])).slice(-50));
			}
			// 4xx: positions off the map, in the future or while resting are not kept
		}).catch(function () {
			save(POSITIONS, pending.concat(load(POSITIONS, [])).slice(-50));
		});
	}
	function tick() {
		if (!consented() || !onDuty || !navigator.geolocation) {
			return Promise.resolve();
		}
		return new Promise(function (resolve) {
			navigator.geolocation.getCurrentPosition(function (p) {
				var pending = load(POSITIONS, []);
				pending.push({ lat: p.coords.latitude, lng: p.coords.longitude, at: new Date(p.timestamp).toISOString() });
				save(POSITIONS, pending.slice(-50));
				sendPositions().then(resolve);
			}, function () { resolve(); }, { enableHighAccuracy: true, maximumAge: 0, timeout: 20000 });
		});
	}
	document.addEventListener('click', function (e) {
		if (e.target.id === 'share-position' || e.target.id === 'stop-position') {
			save(CONSENT, e.target.id === 'share-position' ? 'yes' : 'no');
			if (e.target.id === 'stop-position') {
				save(POSITIONS, []);
			}
			showConsent();
			tick();
		}
	});

	// --- the owner's signature: drawn with a finger, sent as a PNG with the completion
	var drawing = false;
	function pad() {
		return document.getElementById('signature-pad');
	}
	function point(canvas, e) {
		var r = canvas.getBoundingClientRect();
		return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
	}
	document.addEventListener('pointerdown', function (e) {
		if (e.target !== pad()) {
			return;
		}
		var canvas = pad(), ctx = canvas.getContext('2d'), p = point(canvas, e);
		if (canvas.getAttribute('data-signed') !== 'true') {
			ctx.fillStyle = '#fff';
			ctx.fillRect(0, 0, canvas.width, canvas.height);
		}
		drawing = true;
		ctx.lineWidth = 2.5;
		ctx.lineCap = 'round';
		ctx.strokeStyle = '#111';
		ctx.beginPath();
		ctx.moveTo(p.x, p.y);
		e.preventDefault();
	});
	document.addEventListener('pointermove', function (e) {
		if (!drawing || !pad()) {
			return;
		}
		var canvas = pad(), ctx = canvas.getContext('2d'), p = point(canvas, e);
		ctx.lineTo(p.x, p.y);
		ctx.stroke();
		canvas.setAttribute('data-signed', 'true');
	});
	document.addEventListener('pointerup', function () { drawing = false; });
	document.addEventListener('click', function (e) {
		if (e.target.id === 'signature-clear' && pad()) {
			var canvas = pad();
			canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
			canvas.removeAttribute('data-signed');
		}
	});
	function fillSignature(form) {
		var input = form.querySelector('input[name=signature]'), canvas = form.querySelector('canvas.signature');
		if (input && canvas && canvas.getAttribute('data-signed') === 'true') {
			input.value = canvas.toDataURL('image/png');
		}
	}

	// what tests and the timer share: one position now, and the replay
	window.suxiuField = { tick: tick, flush: flush };

	document.addEventListener('DOMContentLoaded', function () {
		showQueue();
		showConflicts();
		showSynced();
		showConsent();
		followQueue();
		flush();
		tick();
		setInterval(tick, 30000);
	});
})();

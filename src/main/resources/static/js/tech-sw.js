// The technician's service worker (scope /tech): the app shell and today's jobs stay
// readable without a signal. Pages and assets go to the network first and fall back to
// the copy kept here; actions are never sent from here (field.js queues them).
'use strict';
var CACHE = 'suxiu-tech-v1';
var SHELL = ['/tech', '/css/app.css', '/js/app.js', '/js/field.js', '/webjars/htmx.org/dist/htmx.min.js',
	'/tech/manifest.webmanifest'];

self.addEventListener('install', function (event) {
	event.waitUntil(caches.open(CACHE).then(function (cache) {
		return Promise.all(SHELL.map(function (url) {
			return cache.add(new Request(url, { credentials: 'same-origin' })).catch(function () {});
		}));
	}).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
	event.waitUntil(caches.keys().then(function (keys) {
		return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
	}).then(function () { return self.clients.claim(); }));
});

// today's jobs, sent by the jobs page: kept for reading offline
self.addEventListener('message', function (event) {
	if (event.data && event.data.type === 'cache-jobs' && Array.isArray(event.data.urls)) {
		event.waitUntil(caches.open(CACHE).then(function (cache) {
			return Promise.all(event.data.urls.map(function (url) {
				return fetch(url, { credentials: 'same-origin' }).then(function (response) {
					return response.ok ? cache.put(url, response) : null;
				}).catch(function () {});
			}));
		}));
	}
	if (event.data && event.data.type === 'forget') {
		event.waitUntil(caches.delete(CACHE));
	}
});

function cacheable(url) {
	if (url.origin !== self.location.origin) {
		return false;
	}
	var p = url.pathname;
	if (p.indexOf('/live') >= 0 || p === '/tech/sync' || p === '/tech/positions') {
		return false;
	}
	return p === '/tech' || p.indexOf('/tech/') === 0 || p.indexOf('/css/') === 0 || p.indexOf('/js/') === 0
		|| p.indexOf('/webjars/') === 0;
}

self.addEventListener('fetch', function (event) {
	var request = event.request;
	var url = new URL(request.url);
	if (request.method !== 'GET' || !cacheable(url)) {
		return;
	}
	var key = url.pathname === '/tech' || url.pathname.indexOf('/tech/jobs/') === 0 ? url.pathname : request;
	event.respondWith(fetch(request).then(function (response) {
		if (response.ok && !response.redirected) {
			var copy = response.clone();
			caches.open(CACHE).then(function (cache) { cache.put(key, copy); });
		}
		return response;
	}).catch(function () {
		return caches.match(key).then(function (hit) {
			return hit || (request.mode === 'navigate' ? caches.match('/tech') : undefined) || Response.error();
		});
	}));
});

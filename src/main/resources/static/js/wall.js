// The wall screen: the project's clock that ticks each second, and a button that fills the screen.
(function () {
	'use strict';
	function tick() {
		var el = document.querySelector('[data-clock]');
		if (el) {
			// the project's time, wherever the screen's computer thinks it is
			el.textContent = new Date().toLocaleTimeString('zh-CN', {
				timeZone: el.getAttribute('data-zone') || undefined, hour12: false
			});
		}
	}
	document.addEventListener('DOMContentLoaded', tick);
	setInterval(tick, 1000);
	document.addEventListener('click', function (e) {
		if (e.target.id === 'fullscreen' && document.documentElement.requestFullscreen) {
			if (document.fullscreenElement) {
				document.exitFullscreen();
			} else {
				document.documentElement.requestFullscreen();
			}
		}
	});
})();

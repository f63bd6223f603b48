// The what-if chart: on-time share per dispatch policy, today's roster beside the added
// technicians; drawn when the answer is on the page (at load or when htmx swaps it in).
(function () {
	'use strict';
	var chartSrc = document.currentScript && document.currentScript.getAttribute('data-chart-src');
	function draw() {
		var data = document.getElementById('whatif-data');
		var canvas = document.getElementById('chart-whatif');
		if (!data || !canvas || canvas.dataset.drawn) {
			return;
		}
		if (typeof Chart === 'undefined') {
			window.suxiuCharts(chartSrc, draw);
			return;
		}
		canvas.dataset.drawn = 'yes';
		var d = JSON.parse(data.textContent);
		new Chart(canvas, {
			type: 'bar',
			data: {
				labels: d.labels,
				datasets: d.series.map(function (name, i) {
					return { label: name, data: d.values[i], backgroundColor: ['#757575', '#1565c0'][i] };
				})
			},
			options: { animation: false, responsive: true, aspectRatio: 2,
				scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } } }
		});
	}
	document.addEventListener('DOMContentLoaded', draw);
	document.addEventListener('htmx:afterSettle', draw);
})();

// The manager's charts, from the JSON the page carries; each chart has a table beside it.
(function () {
	'use strict';
	var chartSrc = document.currentScript && document.currentScript.getAttribute('data-chart-src');
	var data = JSON.parse(document.getElementById('dashboard-data').textContent);
	var colours = ['#1565c0', '#2e7d32', '#9e9e9e'];
	function stacked(id, counts) {
		new Chart(document.getElementById(id), {
			type: 'bar',
			data: {
				labels: data.grades,
				datasets: data.series.map(function (name, i) {
					return { label: name, data: counts[i], backgroundColor: colours[i] };
				})
			},
			options: { animation: false, responsive: true, aspectRatio: 2, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
		});
	}
	function sla() {
		new Chart(document.getElementById('chart-sla'), {
			type: 'bar',
			data: {
				labels: data.grades,
				datasets: data.slaSeries.map(function (name, i) {
					return { label: name, data: data.sla[i], backgroundColor: ['#0d47a1', '#d84315', '#2e7d32'][i] };
				})
			},
			options: { animation: false, responsive: true, aspectRatio: 2, scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } } }
		});
	}
	// one chart per task, so the page stays answerable while they are drawn
	window.suxiuCharts(chartSrc, function () {
		stacked('chart-today', data.today);
		setTimeout(function () {
			stacked('chart-month', data.month);
			setTimeout(sla, 0);
		}, 0);
	});
})();

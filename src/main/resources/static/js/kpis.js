// The KPI page's chart: orders, kept and breached per row of the table beside it.
(function () {
	'use strict';
	var chartSrc = document.currentScript && document.currentScript.getAttribute('data-chart-src');
	var data = JSON.parse(document.getElementById('kpi-data').textContent);
	var words = JSON.parse(document.getElementById('kpi-words').textContent);
	window.suxiuCharts(chartSrc, function () { new Chart(document.getElementById('chart-kpis'), {
		type: 'bar',
		data: {
			labels: data.labels,
			datasets: [
				{ label: words.orders, data: data.orders, backgroundColor: '#1565c0' },
				{ label: words.kept, data: data.kept, backgroundColor: '#2e7d32' },
				{ label: words.breached, data: data.breached, backgroundColor: '#d84315' }
			]
		},
		options: { animation: false, responsive: true, aspectRatio: 3, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
	}); });
})();

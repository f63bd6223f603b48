// Records the phone's position with a check-in when the phone gives one; the check-in
// works without it.
(function () {
	var lat = document.getElementById('lat');
	var lng = document.getElementById('lng');
	if (!lat || !lng || !navigator.geolocation) {
		return;
	}
	navigator.geolocation.getCurrentPosition(function (position) {
		lat.value = position.coords.latitude;
		lng.value = position.coords.longitude;
	}, function () {}, { timeout: 10000, maximumAge: 60000 });
})();

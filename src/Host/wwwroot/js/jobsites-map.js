// The jobsites map: one pin per jobsite, a quick view of its latest visit on click.
// Runs only when Leaflet is loaded; without it (or without JavaScript) the list beside the map is the page.
(function () {
  const element = document.getElementById("map");
  if (!element || !window.L) return;
  const pins = JSON.parse(element.dataset.pins || "[]");
  if (pins.length === 0) return;

  element.classList.add("map-ready");
  const map = L.map(element, { scrollWheelZoom: false });
  const tileUrl = element.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 19, attribution: element.dataset.tileAttribution || "" }).addTo(map);
  } else {
    // No tile server configured (or offline use): the pins stand on a plain background.
    element.classList.add("map-plain");
  }

  pins.forEach(pin => {
    const icon = new L.Icon.Default({ className: pin.inProgress ? "pin-in-progress" : pin.completedThisWeek ? "pin-completed" : "" });
    L.marker([pin.lat, pin.lng], { icon, title: pin.name, alt: pin.name, keyboard: true })
      .bindPopup(() => quickView(pin), { maxWidth: 280 })
      .addTo(map);
  });
  map.fitBounds(pins.map(pin => [pin.lat, pin.lng]), { padding: [40, 40], maxZoom: 15 });

  function quickView(pin) {
    const box = create("div", "quick-view");
    box.append(create("strong", "", pin.name), create("p", "hint", pin.address));
    if (pin.inProgress) box.append(create("span", "badge status-in-progress", "In progress"), " ");
    if (pin.completedThisWeek) box.append(create("span", "badge status-completed", "Completed this week"));
    if (pin.latest) {
      const latest = create("p", "latest", "Latest visit: " + pin.latest.when + " ");
      latest.append(create("span", "badge status-" + pin.latest.statusCss, pin.latest.status));
      box.append(latest);
      if (pin.latest.services.length > 0) {
        const services = create("ul", "services");
        pin.latest.services.forEach(s => services.append(create("li", "", s.name + " (" + s.status.toLowerCase() + ")")));
        box.append(services);
      }
    } else {
      box.append(create("p", "latest hint", "No visits yet."));
    }
    const link = create("a", "quick-view-open", "Open jobsite");
    link.href = pin.url;
    box.append(link);
    return box;
  }

  // Text goes in through textContent only: names and notes are never read as HTML.
  function create(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
})();

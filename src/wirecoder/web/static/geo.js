// The basemap (Natural Earth countries from the world-atlas npm package, drawn without
// date-line seams) and event markers sized by fatalities on a capped scale; shared by the map
// and the dossier. Needs Leaflet and topojson-client loaded first.
const TOLL_CAP = 100;  // fatalities at which a marker stops growing
const precisionStyle = p => p >= 3 ? {fillOpacity: 0.08, dashArray: "3 3", weight: 2}  // region/country
  : p === 2 ? {fillOpacity: 0.35, dashArray: "4 2", weight: 1.5}  // near a town
  : {fillOpacity: 0.75, dashArray: null, weight: 1};  // the town itself
// Marker area grows with the toll (radius with its square root), capped at TOLL_CAP: 4 to 18 px.
const radius = toll => 4 + 14 * Math.sqrt(Math.min(toll || 0, TOLL_CAP) / TOLL_CAP);

function unwrap(ring) {  // a ring that crosses the date line continues past +-180, not across
  const out = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    let [lon, lat] = ring[i];
    const prev = out[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (prev - lon > 180) lon += 360;
    out.push([lon, lat]);
  }
  const span = Math.max(...out.map(p => p[0])) - Math.min(...out.map(p => p[0]));
  if (span >= 359) return ring;  // a ring around the pole (Antarctica): left as drawn
  const mean = out.reduce((a, p) => a + p[0], 0) / out.length;
  const shift = mean > 180 ? -360 : mean < -180 ? 360 : 0;
  return out.map(([lon, lat]) => [lon + shift, lat]);
}

function unwrapGeometry(geometry) {
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrap);
  if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map(p => p.map(unwrap));
  return geometry;
}

async function basemap(map) {
  const topo = await (await fetch("/vendor/world-atlas/countries-110m.json")).json();
  const shapes = topojson.feature(topo, topo.objects.countries);
  shapes.features = shapes.features.filter(f => f.id !== "010");  // Antarctica: no events, one seam
  shapes.features.forEach(f => f.geometry && unwrapGeometry(f.geometry));
  L.geoJSON(shapes, {
    interactive: false, style: {color: "#888", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1},
  }).addTo(map);
}

function popupText(e) {
  return `<b>${esc(e.type)} / ${esc(e.sub_type)}</b><br>${whenText(e.when)}<br>${placeText(e.place)}`
    + `<br>${esc(e.summary)}${e.historical ? " (historical)" : ""}<br><a class="evidence-link" href="/events/${e.id}">evidence and sources &rarr;</a>`;
}

function eventMarker(e) {
  return L.circleMarker([e.place.lat, e.place.lon], {
    radius: radius(e.fatalities), color: TYPE_COLOURS[e.type] || "#333",
    className: `event-marker precision-${e.place.precision}`, ...precisionStyle(e.place.precision),
  }).bindPopup(popupText(e));
}

// A row of /api/map, [id, lat, lon, type, fatalities, precision], as a marker whose popup
// asks for the event when it opens (the map holds the whole filter, not its details).
function pointMarker([id, lat, lon, type, fatalities, precision]) {
  const marker = L.circleMarker([lat, lon], {
    radius: radius(fatalities), color: TYPE_COLOURS[type] || "#333",
    className: `event-marker precision-${precision}`, ...precisionStyle(precision),
  }).bindPopup(`<b>${esc(type)}</b><br><a class="evidence-link" href="/events/${encodeURIComponent(id)}">evidence and sources &rarr;</a>`);
  marker.on("popupopen", () => api(`/api/events/${encodeURIComponent(id)}`)
    .then(r => marker.setPopupContent(popupText(r.event)), () => {}));
  return marker;
}

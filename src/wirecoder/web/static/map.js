// The map, the weekly timeline and the event table. Filters live in the URL; the timeline's
// brush (drag, or click a week) sets from/to and every view follows.
const FILTERS = ["type", "actor", "country", "from", "to", "historical", "text"];
const map = L.map("map", {attributionControl: false, worldCopyJump: true, maxZoom: 12, minZoom: 1}).setView([20, 10], 2);
// Events cluster at low zoom (leaflet.markercluster, from npm); from zoom 7 every event shows.
const markers = L.markerClusterGroup({disableClusteringAtZoom: 7, maxClusterRadius: 40,
                                      showCoverageOnHover: false}).addTo(map);
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

async function basemap() {  // Natural Earth countries from the world-atlas npm package
  const topo = await (await fetch("/vendor/world-atlas/countries-110m.json")).json();
  const shapes = topojson.feature(topo, topo.objects.countries);
  shapes.features = shapes.features.filter(f => f.id !== "010");  // Antarctica: no events, one seam
  shapes.features.forEach(f => f.geometry && unwrapGeometry(f.geometry));
  L.geoJSON(shapes, {
    interactive: false, style: {color: "#888", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1},
  }).addTo(map);
}

function legend(events) {
  const counts = {};
  for (const e of events) counts[e.type] = (counts[e.type] || 0) + 1;
  const types = Object.entries(TYPE_COLOURS).map(([t, c]) =>
    `<span class="legend-type"><i style="background:${c}"></i>${esc(t)} <b>${counts[t] || 0}</b></span>`).join("");
  const sizes = [1, 10, TOLL_CAP].map(n => {
    const r = radius(n);
    return `<span><svg width="${2 * r + 2}" height="${2 * r + 2}"><circle cx="${r + 1}" cy="${r + 1}" r="${r}" fill="#999" fill-opacity="0.6" stroke="#555"/></svg>${n}${n === TOLL_CAP ? "+" : ""}</span>`;
  }).join("");
  const precisions = [[1, "town"], [2, "near a town"], [3, "region or country"]].map(([p, label]) => {
    const st = precisionStyle(p);
    return `<span><svg width="18" height="18"><circle cx="9" cy="9" r="7" fill="#555" fill-opacity="${st.fillOpacity}" stroke="#333" stroke-width="${st.weight}" stroke-dasharray="${st.dashArray || ""}"/></svg>${label}</span>`;
  }).join("");
  document.getElementById("legend").innerHTML = `<div>${types}</div>`
    + `<div><span class="legend-head">fatalities</span>${sizes}<span class="legend-head">where</span>${precisions}</div>`;
}

function downloads(query) {  // the current filter as files: ACLED CSV, GeoJSON, JSON
  const link = (format, label) => {
    const url = new URL("/api/events", window.location.origin);
    for (const [k, v] of Object.entries({...query, format, download: "true"})) url.searchParams.set(k, v);
    return `<a class="download" data-format="${format}" href="${url.pathname}${url.search}" download>${label}</a>`;
  };
  document.getElementById("downloads").innerHTML = "Download these events: "
    + link("acled-csv", "ACLED CSV") + link("geojson", "GeoJSON") + link("json", "JSON");
}

function fillForm(params) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) if (form.elements[name]) form.elements[name].value = params[name] || "";
}

async function load() {
  const params = urlParams();
  fillForm(params);
  const query = {limit: 500};
  for (const name of FILTERS) if (params[name]) query[name] = params[name];
  const status = document.getElementById("status");
  let events;
  try {
    events = (await api("/api/events", query)).events;
  } catch (error) { showError(status, error); return; }
  const unplaced = events.filter(e => !e.place || e.place.lat === null).length;
  status.textContent = `${events.length} events${events.length === query.limit ? " (the first " + query.limit + ")" : ""}`
    + (unplaced ? `, ${unplaced} without coordinates (in the table, not on the map)` : "");
  legend(events);
  downloads(query);
  drawMarkers(events);
  drawTable(events);
  drawTimeline(events, params);
}

function drawMarkers(events) {
  markers.clearLayers();
  const points = [], layers = [];
  for (const e of events) {
    if (!e.place || e.place.lat === null) continue;
    const marker = L.circleMarker([e.place.lat, e.place.lon], {
      radius: radius(e.fatalities), color: TYPE_COLOURS[e.type] || "#333",
      className: `event-marker precision-${e.place.precision}`, ...precisionStyle(e.place.precision),
    });
    marker.bindPopup(`<b>${esc(e.type)} / ${esc(e.sub_type)}</b><br>${whenText(e.when)}<br>${placeText(e.place)}`
      + `<br>${esc(e.summary)}${e.historical ? " (historical)" : ""}<br><a class="evidence-link" href="/events/${e.id}">evidence and sources &rarr;</a>`);
    layers.push(marker);
    points.push([e.place.lat, e.place.lon]);
  }
  markers.addLayers(layers);
  if (points.length) map.fitBounds(points, {maxZoom: 6, padding: [30, 30]});
  else map.setView([20, 10], 2);
}

function drawTable(events) {
  document.querySelector("#events tbody").innerHTML = events.map(e => `<tr data-id="${e.id}">
    <td><a href="/events/${e.id}">${whenText(e.when)}</a>${e.historical ? " (historical)" : ""}</td>
    <td>${esc(e.type)} / ${esc(e.sub_type)}</td><td>${placeText(e.place)}</td>
    <td>${actorLink(e.actor1, e.actor1_name)}</td><td>${actorLink(e.actor2, e.actor2_name)}</td>
    <td>${e.fatalities ?? "-"}</td></tr>`).join("");
}

function monday(iso) {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}
const DAY = 86400000;

function drawTimeline(events, params) {
  const svg = document.getElementById("timeline");
  const width = svg.clientWidth || 800, height = 120, pad = 18;
  const dated = events.filter(e => e.when && e.when.start);
  if (!dated.length) { svg.innerHTML = `<text x="10" y="20">no dated events</text>`; return; }
  const weeks = dated.map(e => monday(e.when.start).getTime());
  const first = Math.min(...weeks), last = Math.max(...weeks) + 7 * DAY;
  const n = Math.max(1, Math.round((last - first) / (7 * DAY)));
  const barWidth = Math.max(2, (width - 2 * pad) / n);
  const stacks = {};
  for (const e of dated) {
    const k = monday(e.when.start).getTime();
    (stacks[k] = stacks[k] || []).push(e);
  }
  const peak = Math.max(...Object.values(stacks).map(s => s.length));
  const x = t => pad + ((t - first) / (last - first)) * (width - 2 * pad);
  let bars = "";
  for (const [k, list] of Object.entries(stacks)) {
    let y = height - pad;
    for (const e of list) {
      const h = (height - 2 * pad) / peak;
      y -= h;
      const day = new Date(+k).toISOString().slice(0, 10);
      bars += `<rect class="week-bar" data-week="${day}" x="${x(+k)}" y="${y}" width="${Math.max(2, barWidth - 1)}" height="${h - 1}" fill="${TYPE_COLOURS[e.type] || "#333"}"><title>week of ${day}: ${esc(e.type)}</title></rect>`;
    }
  }
  const label = d => new Date(d).toISOString().slice(0, 10);
  svg.innerHTML = `${bars}<text x="${pad}" y="${height - 3}" font-size="10">${label(first)}</text>`
    + `<text x="${width - pad}" y="${height - 3}" font-size="10" text-anchor="end">${label(last - DAY)}</text>`
    + `<rect id="brush" y="0" height="${height}" fill="rgba(39,50,63,0.15)" width="0"></rect>`;
  const time = px => first + ((px - pad) / (width - 2 * pad)) * (last - first);
  let start = null;
  svg.onpointerdown = ev => { start = ev.offsetX; };  // pointer events: mouse, pen and touch
  svg.onpointermove = ev => {
    if (start === null) return;
    const b = document.getElementById("brush");
    b.setAttribute("x", Math.min(start, ev.offsetX)); b.setAttribute("width", Math.abs(ev.offsetX - start));
  };
  svg.onpointerup = ev => {
    if (start === null) return;
    let from, to;
    if (Math.abs(ev.offsetX - start) < 3) {  // a click: the week under the pointer
      const week = ev.target.dataset && ev.target.dataset.week;
      if (!week) { start = null; return; }
      from = new Date(week + "T00:00:00Z").getTime(); to = from + 6 * DAY;
    } else {
      from = time(Math.min(start, ev.offsetX)); to = time(Math.max(start, ev.offsetX));
    }
    start = null;
    setUrlParams({...urlParams(), from: label(from), to: label(to)});
    load();
  };
}

document.getElementById("filters").addEventListener("submit", ev => {
  ev.preventDefault();
  const form = new FormData(ev.target);
  setUrlParams(Object.fromEntries([...form.entries()].filter(([, v]) => v)));
  load();
});
window.addEventListener("popstate", load);
basemap().then(load, load);

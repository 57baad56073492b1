// The map, the weekly timeline and the event table. Filters live in the URL; the timeline's
// brush (drag, or click a week) sets from/to and every view follows.
const FILTERS = ["type", "actor", "country", "from", "to", "historical", "text"];
const map = L.map("map", {attributionControl: false, worldCopyJump: true}).setView([20, 10], 2);
const markers = L.layerGroup().addTo(map);

async function basemap() {  // Natural Earth countries from the world-atlas npm package
  const topo = await (await fetch("/vendor/world-atlas/countries-110m.json")).json();
  L.geoJSON(topojson.feature(topo, topo.objects.countries), {
    interactive: false, style: {color: "#888", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1},
  }).addTo(map);
  markers.eachLayer(m => m.bringToFront());
}

function legend() {
  document.getElementById("legend").innerHTML = Object.entries(TYPE_COLOURS)
    .map(([t, c]) => `<span><i style="background:${c}"></i>${esc(t)}</span>`).join("");
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
  status.textContent = `${events.length} events`;
  drawMarkers(events);
  drawTable(events);
  drawTimeline(events, params);
}

function drawMarkers(events) {
  markers.clearLayers();
  const points = [];
  for (const e of events) {
    if (!e.place || e.place.lat === null) continue;
    const marker = L.circleMarker([e.place.lat, e.place.lon], {
      radius: 5 + 2 * Math.sqrt(e.fatalities || 0), color: TYPE_COLOURS[e.type] || "#333",
      weight: 1, fillOpacity: 0.7, className: "event-marker",
    });
    marker.bindPopup(`<b>${esc(e.type)} / ${esc(e.sub_type)}</b><br>${whenText(e.when)}<br>${placeText(e.place)}`
      + `<br>${esc(e.summary)}${e.historical ? " (historical)" : ""}<br><a class="evidence-link" href="/events/${e.id}">evidence and sources &rarr;</a>`);
    marker.addTo(markers);
    points.push([e.place.lat, e.place.lon]);
  }
  if (points.length) map.fitBounds(points, {maxZoom: 6, padding: [30, 30]});
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
  svg.onmousedown = ev => { start = ev.offsetX; };
  svg.onmousemove = ev => {
    if (start === null) return;
    const b = document.getElementById("brush");
    b.setAttribute("x", Math.min(start, ev.offsetX)); b.setAttribute("width", Math.abs(ev.offsetX - start));
  };
  svg.onmouseup = ev => {
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
legend();
basemap().then(load, load);

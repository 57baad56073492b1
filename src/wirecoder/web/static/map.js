// The map, the timeline (overview and detail) and the event table. Filters live in the URL;
// brushing either timeline sets from/to and every view follows, while the overview keeps
// showing the whole filter without its dates, so the context stays in sight.
const FILTERS = ["type", "actor", "country", "place", "from", "to", "historical", "dated", "text"];
const PAGE = 500;  // events a page of the table; the map shows the whole filter (/api/map)
const map = L.map("map", {attributionControl: false, worldCopyJump: true, maxZoom: 12, minZoom: 1}).setView([20, 10], 2);
// Events cluster at low zoom (leaflet.markercluster, from npm); from zoom 7 every event shows.
// /api/map gives every placed event of the filter, up to 20,000 (MAP_LIMIT in web/browse.py).
const markers = L.markerClusterGroup({disableClusteringAtZoom: 7, maxClusterRadius: 40,
                                      showCoverageOnHover: false, chunkedLoading: true}).addTo(map);

function legend(counts) {  // counts: events of each type in the whole filter
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
  const when = Object.entries({day: "a day", week: "a week", month: "month, year or range"}).map(([p, label]) =>
    `<span><svg width="22" height="10"><rect x="1" y="1" width="20" height="8" fill="#555" fill-opacity="${PRECISION_FILL[p]}" stroke="#555" stroke-width="${p === "day" ? 0 : 1}"/></svg>${label}</span>`).join("");
  document.getElementById("legend").innerHTML = `<div>${types}</div>`
    + `<div><span class="legend-head">fatalities</span>${sizes}<span class="legend-head">where</span>${precisions}</div>`
    + `<div><span class="legend-head">timeline: date known to</span>${when}</div>`;
}

function downloads(query, total) {  // the whole current filter as files, every event in it
  const link = (format, label) => {
    const params = {...query, format, download: "true"};
    delete params.limit; delete params.offset;
    return `<a class="download" data-format="${format}" href="/api/events?${new URLSearchParams(params)}" download>${label}</a>`;
  };
  document.getElementById("downloads").innerHTML = `Download all ${total} events of this filter: `
    + link("acled-csv", "ACLED CSV") + link("geojson", "GeoJSON") + link("json", "JSON")
    + `<span class="source" id="acled-note"> (ACLED CSV: current events with a date and a nameable actor only, as ACLED's rules ask; GeoJSON: events with coordinates)</span>`;
  // say how many rows the ACLED CSV will hold, and why the others are left out
  api("/api/acled-rows", query).then(r => {
    const why = {historical: "historical background", undated: "without a date", vaguer_than_a_month: "dated only to a span longer than a month", no_actor: "without an actor ACLED can name", not_asserted: "not asserted (denied, planned, hypothetical)"};
    const out = Object.entries(r.left_out).filter(([, n]) => n).map(([k, n]) => `${n} ${why[k] || k}`);
    document.getElementById("acled-note").textContent = ` (the ACLED CSV holds ${r.rows} of the ${r.total}`
      + (out.length ? `; left out, as ACLED's rules ask: ${out.join(", ")}` : "") + `)`;
  }, () => {});
}

function fillForm(params) {
  const form = document.getElementById("filters");
  for (const name of FILTERS) if (form.elements[name]) form.elements[name].value = params[name] || "";
  // a filter the form has no box for (undated events only) shows as a chip
  const chips = [["dated", "dated"]].filter(([k]) => params[k]).map(([k, label]) => {
    const rest = {...params}; delete rest[k]; delete rest.offset;
    return `<span class="chip">${label}: ${esc(params[k] === "no" ? "undated only" : params[k] === "yes" ? "dated only" : params[k])} <a href="/?${new URLSearchParams(rest)}" title="remove">&times;</a></span>`;
  });
  document.getElementById("chips").innerHTML = chips.join(" ");
}

async function load() {
  const params = urlParams();
  fillForm(params);
  const query = {};
  for (const name of FILTERS) if (params[name]) query[name] = params[name];
  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const status = document.getElementById("status");
  let page, overview, layer;
  try {
    [page, overview, layer] = await Promise.all([api("/api/events", {...query, limit: PAGE, offset}),
                                                 api("/api/timeline", query), api("/api/map", query)]);
  } catch (error) { showError(status, error); return; }
  const events = page.events;
  status.innerHTML = pager(page.total, offset, PAGE, o => "/?" + new URLSearchParams({...query, offset: o}));
  document.getElementById("map-count").textContent = mapCount(layer);
  legend(layer.by_type);
  downloads(query, page.total);
  drawMarkers(layer.points);
  drawTable(events);
  drawTimelines(overview, params);
}

// "The map shows all 812 events of this filter that have coordinates; 91 have none (listed
// in the table)", or, past the limit, how many of them it draws.
function mapCount(layer) {
  const unplaced = layer.total - layer.placed;
  const shown = layer.drawn < layer.placed
    ? `The map shows ${layer.drawn} of the ${layer.placed} events of this filter that have coordinates (at most ${layer.limit}; narrow the filter to see the rest)`
    : `The map shows all ${layer.placed} event${layer.placed === 1 ? "" : "s"} of this filter that have coordinates`;
  return shown + (unplaced ? `; ${unplaced} ha${unplaced === 1 ? "s" : "ve"} none (in the table, not on the map).` : ".");
}

function drawMarkers(rows) {
  markers.clearLayers();
  const points = rows.map(r => [r[1], r[2]]);
  markers.addLayers(rows.map(pointMarker));
  if (points.length) map.fitBounds(points, {maxZoom: 6, padding: [30, 30]});
  else map.setView([20, 10], 2);
}

function drawTable(events) {
  document.querySelector("#events tbody").innerHTML = events.map(e => `<tr data-id="${e.id}">
    <td><a href="/events/${e.id}">${esc(whenShort(e.when))}</a>${e.when && e.when.precision !== "day" && e.when.start ? ` <span class="source">(${esc(e.when.precision)})</span>` : ""}${e.historical ? " (historical)" : ""}</td>
    <td>${esc(e.type)} / ${esc(e.sub_type)}</td><td>${placeText(e.place)}</td>
    <td>${actorLink(e.actor1, e.actor1_name)}</td><td>${actorLink(e.actor2, e.actor2_name)}</td>
    <td>${e.fatalities ?? "-"}</td></tr>`).join("");
}

function setDates(from, to) {
  const params = {...urlParams(), from: from ? isoDay(from) : "", to: to ? isoDay(to - 1) : ""};
  delete params.offset; delete params.dated;
  setUrlParams(params);
  load();
}

function drawTimelines(overview, params) {
  const rows = overview.events.map(([id, type, start, end, precision]) => ({id, type, start, end, precision}));
  const undated = document.getElementById("undated");
  const rest = {...params}; delete rest.from; delete rest.to; delete rest.offset;
  undated.innerHTML = overview.undated
    ? `${overview.undated} event${overview.undated === 1 ? " has" : "s have"} no date and ${overview.undated === 1 ? "is" : "are"} not drawn here: <a id="show-undated" href="/?${new URLSearchParams({...rest, dated: "no"})}">list ${overview.undated === 1 ? "it" : "them"}</a>`
    : "";
  const over = document.getElementById("overview"), detail = document.getElementById("timeline");
  if (!rows.length) {
    over.innerHTML = ""; detail.innerHTML = `<text x="10" y="20">no dated events</text>`;
    document.getElementById("timeline-note").textContent = "";
    return;
  }
  let t0 = Math.min(...rows.map(r => spanOf(r.start, r.end)[0]));
  let t1 = Math.max(...rows.map(r => spanOf(r.start, r.end)[1]));
  // one click to the latest stretch of the data: a long span squeezes recent weeks thin
  const latest = t1 - DAY;
  const recent = [[30, "last 30 days"], [365, "last year"], [5 * 365, "last 5 years"]]
    .filter(([days]) => latest - days * DAY > t0)
    .map(([days, label]) => `<a class="range-link" href="/?${new URLSearchParams({...rest, from: isoDay(latest - (days - 1) * DAY), to: isoDay(latest)})}">${label}</a>`);
  const margin = Math.max(DAY, (t1 - t0) * 0.02);
  t0 -= margin; t1 += margin;
  const x = drawDensity(over, rows, t0, t1);
  const width = over.clientWidth || 800, pad = 18;
  const toTime = (w => px => t0 + ((px - pad) / (w - 2 * pad)) * (t1 - t0))(width);
  // the detail shows the brushed window; the overview marks it
  const from = params.from ? Date.parse(params.from + "T00:00:00Z") : null;
  const to = params.to ? Date.parse(params.to + "T00:00:00Z") + DAY : null;
  const d0 = from ?? t0, d1 = to ?? t1;
  if (from !== null || to !== null) {
    over.insertAdjacentHTML("beforeend", `<rect class="brush-window" x="${x(Math.max(d0, t0))}" y="0" width="${Math.max(2, x(Math.min(d1, t1)) - x(Math.max(d0, t0)))}" height="40"/>`);
  }
  brushable(over, toTime, setDates);
  const drawn = drawSpans(detail, rows, d0, Math.max(d1, d0 + DAY));
  const detailWidth = detail.clientWidth || 800;
  brushable(detail, px => d0 + ((px - pad) / (detailWidth - 2 * pad)) * (d1 - d0), setDates, target => {
    if (target && target.classList && target.classList.contains("span-bar")) location.href = `/events/${encodeURIComponent(target.dataset.id)}`;
  });
  const range = from !== null || to !== null ? ` from ${params.from || "the start"} to ${params.to || "the end"}` : "";
  document.getElementById("timeline-note").innerHTML = `${drawn.total} dated events${range}`
    + (drawn.drawn < drawn.total ? `, ${drawn.total - drawn.drawn} in lanes beyond the height shown (listed in the table)` : "")
    + `. Drag across either timeline to choose dates; click a bar for its event.`
    + (recent.length ? ` Of the data: ${recent.join(" ")}` : "")
    + (range ? ` <a id="all-dates" href="/?${new URLSearchParams(rest)}">all dates</a>` : "");
}

for (const [name, kind] of [["actor", "actor"], ["country", "country"], ["place", "place"]]) autocomplete(document.querySelector(`#filters input[name=${name}]`), kind);
document.getElementById("filters").addEventListener("submit", ev => {
  ev.preventDefault();
  const form = new FormData(ev.target);
  const kept = Object.fromEntries(["dated"].filter(k => urlParams()[k]).map(k => [k, urlParams()[k]]));
  setUrlParams({...kept, ...Object.fromEntries([...form.entries()].filter(([, v]) => v))});
  load();
});
window.addEventListener("popstate", load);
api("/api/event-types").then(r => {
  document.getElementById("type-names").innerHTML = r.types.map(t => `<option value="${esc(t.name)}">${t.sub_type ? esc(t.type) : "event type"}</option>`).join("");
}, () => {});
basemap(map).then(load, load);

// An actor's dossier: names, a small timeline and map of its events, relations in words
// with their dates and the articles that state them, events and attributes, with sources.
const key = decodeURIComponent(location.pathname.split("/").pop());
let articles = {};

function stated(c) {  // the sentence, who said it, and the article (with its date) it is from
  const a = articles[c.article_id] || {};
  const from = `<a href="/articles/${encodeURIComponent(c.article_id)}">${esc(a.title || "the article")}</a>${a.published ? ", " + esc(a.published) : ""}`;
  return `<p class="quote">&ldquo;${esc(c.sentence)}&rdquo; <span class="source">&mdash; ${esc(c.source || "the article")}; ${from}</span></p>`;
}

function when(w) {  // a relation's date in words at its precision
  return w && w.start ? whenShort(w) + (w.precision !== "day" ? ` (${w.precision})` : "") : "";
}

function relationLine(r, self) {
  const rel = r.relation;
  const side = (id, name) => id === self ? `<b>${esc(name || id)}</b>` : (name ? actorLink(id, name)
    : esc(/^[A-Z]{2}$/.test(id) ? countryName(id) : id));  // a literal: a place, or an ISO country
  const dates = [rel.valid_from && rel.valid_from.start ? "since " + when(rel.valid_from) : "",
                 rel.valid_to && rel.valid_to.start ? "until " + when(rel.valid_to) : ""].filter(Boolean).join(", ");
  const first = r.claims.map(c => (articles[c.article_id] || {}).published).filter(Boolean).sort()[0];
  return `<div class="relation">${side(rel.subject, r.subject_name)} <span class="relation-label">${esc(r.label)}</span> ${side(rel.object, r.object_name)}`
    + `${dates ? ` <span class="source">(${esc(dates)})</span>` : ""}${first ? ` <span class="source">stated ${esc(first)}</span>` : ""}`
    + r.claims.map(stated).join("") + `</div>`;
}

async function load() {
  let d;
  try { d = await api(`/api/actors/${encodeURIComponent(key)}`); }
  catch (error) { showError(document.querySelector("main"), error); return; }
  const a = d.actor;
  articles = d.articles || {};
  document.title = `wirecoder: ${a.name}`;
  document.getElementById("title").textContent = a.name;
  // names other than its own; none is said by saying nothing ("Also named: -" told nothing)
  const aliases = [...new Set(a.aliases || [])].filter(x => x !== a.name);
  document.getElementById("summary").innerHTML = `<i class="swatch" style="background:${ACTOR_COLOURS[a.type] || "#777"}"></i>${esc(a.type)}${a.country ? ", " + esc(countryName(a.country)) : ""}.${aliases.length ? ` Also named: <span id="aliases">${aliases.map(esc).join(", ")}</span>.` : ""}`
    + ` &middot; <a href="/?${new URLSearchParams({actor: a.id})}">on the map</a> &middot; <a href="/network${a.country ? "?" + new URLSearchParams({country: a.country}) : ""}">network${a.country ? " of " + esc(countryName(a.country)) : ""}</a>`;
  document.getElementById("relations").innerHTML = d.relations.map(r => relationLine(r, a.id)).join("") || "none stated";
  const events = d.events.map(x => x.event);
  document.querySelector("#actor-events tbody").innerHTML = events.map(e => {
    const role = e.actor1 === a.id ? "actor 1" : e.actor2 === a.id ? "actor 2" : "associated";
    const other = e.actor1 === a.id ? actorLink(e.actor2, e.actor2_name) : actorLink(e.actor1, e.actor1_name);
    return `<tr><td><a href="/events/${encodeURIComponent(e.id)}">${esc(whenShort(e.when))}</a>${e.historical ? " (historical)" : ""}</td><td>${esc(e.type)} / ${esc(e.sub_type)}</td><td>${placeText(e.place)}</td><td>${role}</td><td>${other}</td><td>${e.fatalities ?? "-"}</td></tr>`;
  }).join("") || `<tr><td colspan="6">none</td></tr>`;
  document.getElementById("attributes").innerHTML = d.attributes.map(c =>
    `<div><b>${esc(c.value.attribute)}</b>: ${esc(c.value.value)}${stated(c)}</div>`).join("") || "none stated";
  pictures(events);
}

function pictures(events) {
  const dated = events.filter(e => e.when && e.when.start);
  const placed = events.filter(e => e.place && e.place.lat !== null);
  const toll = events.reduce((n, e) => n + (e.fatalities || 0), 0);
  document.getElementById("activity").textContent = `${events.length} event${events.length === 1 ? "" : "s"} (${dated.length} dated, ${placed.length} with coordinates)`
    + (toll ? `, ${toll} fatalities reported in all` : "") + ".";
  if (!events.length) {  // nothing to picture: no empty map
    document.querySelector(".dossier-pictures").hidden = true;
    return;
  }
  const svg = document.getElementById("actor-timeline");
  if (dated.length) {
    const rows = dated.map(e => ({id: e.id, type: e.type, start: e.when.start, end: e.when.end, precision: e.when.precision}));
    let t0 = Math.min(...rows.map(r => spanOf(r.start, r.end)[0])), t1 = Math.max(...rows.map(r => spanOf(r.start, r.end)[1]));
    const margin = Math.max(15 * DAY, (t1 - t0) * 0.03);
    drawSpans(svg, rows, t0 - margin, t1 + margin, {maxHeight: 200});
  } else {
    svg.setAttribute("height", 40);
    svg.innerHTML = `<text x="10" y="24" font-size="13">no dated events</text>`;
  }
  const map = L.map("actor-map", {attributionControl: false, worldCopyJump: true, maxZoom: 10, minZoom: 1}).setView([20, 10], 1);
  basemap(map).then(() => {
    const points = placed.map(e => { eventMarker(e).addTo(map); return [e.place.lat, e.place.lon]; });
    if (points.length) map.fitBounds(points, {maxZoom: 6, padding: [20, 20]});
  }, () => {});
}
load();

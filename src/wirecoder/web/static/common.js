// Shared helpers: API calls, URL state, colours, escaping. Everything is served by this
// machine; nothing here fetches from another host.
const TYPE_COLOURS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd", "Protests": "#2ca02c", "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
// only an absolute http(s) address becomes a link; any other (javascript:, data:, a relative
// path) is shown as text (model.web_link says the same on the server)
function webLink(url) { return typeof url === "string" && /^https?:\/\/[^\s\/]/i.test(url); }
function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}
async function api(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}
function urlParams() { return Object.fromEntries(new URLSearchParams(window.location.search)); }
function setUrlParams(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  history.pushState(null, "", window.location.pathname + (search.toString() ? "?" + search : ""));
}
function whenText(when) {
  if (!when || !when.start) return "date unknown" + (when && when.text ? ` ("${esc(when.text)}")` : "");
  return when.start === when.end ? `${when.start}` : `${when.start} .. ${when.end || "open"} (${when.precision})`;
}
function placeText(place) {
  if (!place) return "place unknown";
  const where = place.anchor && place.relation !== "in" ? `${place.relation} ${place.anchor}` : place.name;
  const precision = {1: "the town", 2: "near a town", 3: "region or country"}[place.precision] || `precision ${place.precision}`;
  const country = countryName(place.country) || "country unknown";
  const parts = [where, place.admin1, country].filter((x, i, all) => x && all.indexOf(x) === i);
  return `${parts.map(esc).join(", ")} <span class="source">(${precision})</span>`;
}
function actorLink(id, name) {
  return id ? `<a href="/actors/${encodeURIComponent(id)}">${esc(name || id)}</a>` : "-";
}
function showError(element, error) { element.innerHTML = `<p class="error">${esc(error.message || error)}</p>`; }
// Actor types (model.ACTOR_TYPES): one colour each, in the network, the dossier and legends.
const ACTOR_COLOURS = {
  "state force": "#1f77b4", "government": "#17becf", "armed group": "#d62728",
  "person": "#ff7f0e", "civilians": "#9467bd", "protesters": "#2ca02c", "other org": "#7f7f7f",
};
// "DZ" -> "Algeria", by the browser's own region names (an unknown code stays as it is)
function countryName(code) {
  if (!code) return "";
  try { return new Intl.DisplayNames(["en"], {type: "region"}).of(code) || code; }
  catch (e) { return code; }
}
// "showing 21-40 of 57" with previous/next links; href(offset) gives each link's address.
function pager(total, offset, limit, href) {
  if (!total) return `<span class="pager">none</span>`;
  const last = Math.min(offset + limit, total);
  const prev = offset > 0 ? `<a class="prev" href="${href(Math.max(0, offset - limit))}">&larr; previous</a>` : "";
  const next = last < total ? `<a class="next" href="${href(offset + limit)}">next &rarr;</a>` : "";
  return `<span class="pager">showing ${offset + 1}-${last} of ${total} ${prev} ${next}</span>`;
}
// Suggestions for a filter box, from /api/suggest, as an HTML datalist (no library).
function autocomplete(input, kind) {
  const list = document.createElement("datalist");
  list.id = `suggest-${kind}-${Math.random().toString(36).slice(2, 8)}`;
  input.after(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  let timer = null, asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || q === asked) return;
    timer = setTimeout(async () => {
      asked = q;
      try {
        const r = await api("/api/suggest", {q, kind});
        list.innerHTML = r.suggestions.map(s => `<option value="${esc(s.value)}">${esc(s.label)}</option>`).join("");
      } catch (e) { /* a suggestion is a convenience: the box works without one */ }
    }, 150);
  });
}
for (const box of document.querySelectorAll("header input[name=q]")) autocomplete(box, "any");
// A When in words at its precision: "March 2024 (month)", "2019 (year)", "4 Mar 2025".
function whenShort(when) {
  if (!when || !when.start) return "undated";
  const p = when.precision;
  if (p === "year") return when.start.slice(0, 4);
  if (p === "month") return new Date(when.start + "T00:00:00Z").toLocaleDateString("en-GB", {month: "short", year: "numeric", timeZone: "UTC"});
  if (when.end && when.end !== when.start) return `${when.start} .. ${when.end}`;
  return when.start;
}
// A date range drawn as a bar: [start, end + 1 day) in ms (UTC); an open end is one day.
const DAY = 86400000;
function spanOf(start, end) {
  const a = Date.parse(start + "T00:00:00Z");
  const b = end ? Date.parse(end + "T00:00:00Z") + DAY : a + DAY;
  return [a, Math.max(b, a + DAY)];
}
// Greedy lanes: each interval in the first lane whose last interval ended before it starts.
function lanes(items, gap) {
  const ends = [];
  for (const it of items) {
    let lane = ends.findIndex(end => end + gap <= it.a);
    if (lane < 0) { lane = ends.length; ends.push(0); }
    ends[lane] = it.b;
    it.lane = lane;
  }
  return ends.length;
}
// Each cell of a list table carries its column's name (data-label), so a phone can show a
// row as a card of labelled lines (app.css) instead of a strip that scrolls sideways.
function labelCells(table) {
  const heads = [...table.querySelectorAll("thead th")].map(th => th.textContent);
  for (const row of table.querySelectorAll("tbody tr"))
    [...row.children].forEach((cell, i) => { if (heads[i] && cell.colSpan === 1) cell.dataset.label = heads[i]; });
}
for (const table of document.querySelectorAll(".table-scroll table")) {
  const body = table.querySelector("tbody");
  if (body) new MutationObserver(() => labelCells(table)).observe(body, {childList: true});
}

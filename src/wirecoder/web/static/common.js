// Shared helpers: API calls, URL state, colours, escaping. Everything is served by this
// machine; nothing here fetches from another host.
const TYPE_COLOURS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd", "Protests": "#2ca02c", "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
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
  return `${esc(where)}${place.admin1 ? ", " + esc(place.admin1) : ""} [${esc(place.country || "?")}] precision ${place.precision}`;
}
function actorLink(id, name) {
  return id ? `<a href="/actors/${encodeURIComponent(id)}">${esc(name || id)}</a>` : "-";
}
function showError(element, error) { element.innerHTML = `<p class="error">${esc(error.message || error)}</p>`; }

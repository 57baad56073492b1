// An actor's dossier: names, relations over time, events and attributes, each with sources.
const key = decodeURIComponent(location.pathname.split("/").pop());
const quote = c => `<p class="quote">&ldquo;${esc(c.sentence)}&rdquo; <span class="source">&mdash; ${esc(c.source || "the article")}</span></p>`;

async function load() {
  let d;
  try { d = await api(`/api/actors/${encodeURIComponent(key)}`); }
  catch (error) { showError(document.querySelector("main"), error); return; }
  const a = d.actor;
  document.getElementById("title").textContent = a.name;
  document.getElementById("summary").innerHTML = `${esc(a.type)}${a.country ? ", " + esc(countryName(a.country)) : ""}. Also named: <span id="aliases">${(a.aliases || []).map(esc).join(", ") || "-"}</span>`;
  document.getElementById("relations").innerHTML = d.relations.map(r => {
    const since = r.relation.valid_from && r.relation.valid_from.start ? ` (since ${esc(r.relation.valid_from.start.slice(0, 4))})` : "";
    return `<div>${actorLink(r.relation.subject, r.subject_name)} <b>${esc(r.relation.predicate.replace(/_/g, " "))}</b> ${r.object_name ? actorLink(r.relation.object, r.object_name) : esc(r.relation.object)}${since}${r.claims.map(quote).join("")}</div>`;
  }).join("") || "none stated";
  document.getElementById("events").innerHTML = d.events.map(x =>
    `<div><a href="/events/${x.event.id}">${whenText(x.event.when)}: ${esc(x.event.type)} / ${esc(x.event.sub_type)}</a> ${esc(x.event.summary)}${x.event.historical ? " (historical)" : ""}</div>`).join("") || "none";
  document.getElementById("attributes").innerHTML = d.attributes.map(c =>
    `<div><b>${esc(c.value.attribute)}</b>: ${esc(c.value.value)}${quote(c)}</div>`).join("") || "none stated";
}
load();

// "DZ" -> "Algeria", by the browser's own region names (an unknown code stays as it is)
function countryName(code) {
  try { return new Intl.DisplayNames(["en"], {type: "region"}).of(code) || code; }
  catch (e) { return code; }
}

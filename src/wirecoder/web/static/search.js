// Search: actors (any alias), places, events and articles; every hit is a link, every
// section says how many there are in all and pages through them (?section=...&offset=...).
const params = urlParams();
const q = params.q || "";
const LIMIT = 20;
document.querySelector("header input[name=q]").value = q;

const RENDER = {
  actors: a => `<li><a class="actor-result" href="/actors/${encodeURIComponent(a.id)}">${esc(a.name)}</a> <span class="source">${esc(a.type)}${a.country ? ", " + esc(countryName(a.country)) : ""}${(a.aliases || []).length ? "; also " + a.aliases.slice(0, 6).map(esc).join(", ") : ""}</span></li>`,
  places: p => `<li><a class="place-result" href="/?${new URLSearchParams({place: p.name, ...(p.country ? {country: p.country} : {})})}">${esc(p.name)}</a> <span class="source">${esc(countryName(p.country) || "country unknown")}, ${p.events} event${p.events === 1 ? "" : "s"}</span></li>`,
  events: e => `<li><a class="event-result" href="/events/${encodeURIComponent(e.id)}">${esc(whenShort(e.when))}: ${esc(e.type)} / ${esc(e.sub_type)}</a>${e.historical ? " (historical)" : ""} <span class="source">${placeText(e.place)}</span><br>${esc(e.summary)}</li>`,
  articles: a => `<li><a class="article-result" href="/articles/${encodeURIComponent(a.id)}">${esc(a.title || "(untitled) " + a.id.slice(0, 10))}</a> <span class="source">${esc(a.outlet || "")} ${esc(a.published)}</span><br>${snippet(a.snippet)}</li>`,
};

function snippet(text) {  // FTS5 marks the matched words [like this]
  return esc(text).replace(/\[([^\]]*)\]/g, "<mark>$1</mark>");
}

function href(section, offset) {
  return "/search?" + new URLSearchParams({q, section, offset});
}

function show(section, part) {
  const box = document.getElementById(section);
  box.querySelector("ul").innerHTML = part.items.map(RENDER[section]).join("") || "<li>none</li>";
  const more = part.total > part.items.length || part.offset > 0;
  box.querySelector(".count").innerHTML = more ? pager(part.total, part.offset, part.limit, o => href(section, o))
    : `<span class="pager">${part.total} found</span>`;
}

if (q) {
  document.getElementById("title").textContent = `Search: ${q}`;
  document.title = `wirecoder: search ${q}`;
  const section = RENDER[params.section] ? params.section : "all";
  const offset = section === "all" ? 0 : Math.max(0, parseInt(params.offset || "0", 10) || 0);
  api("/api/search", {q, section, offset, limit: LIMIT}).then(r => {
    for (const name of Object.keys(RENDER)) {
      if (r[name]) show(name, r[name]);
      else document.getElementById(name).hidden = true;
    }
    if (section !== "all") document.getElementById("hint").innerHTML = `<a href="${href("all", 0)}">&larr; all results for ${esc(q)}</a>`;
  }, error => showError(document.querySelector("main"), error));
}

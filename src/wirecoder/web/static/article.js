// One article: its events, and its text with every event's evidence highlighted; each
// highlight links to its event page. Relation and attribute evidence is marked lightly.
const articleId = decodeURIComponent(location.pathname.split("/").pop());

const MARKED = new Set(["event", "relation", "attribute"]);  // not every mention of a name or place

function marked(text, spans) {
  // event evidence first where spans overlap; spans without offsets are not drawn
  const usable = spans.filter(s => s.start !== null && s.end !== null && s.end > s.start && MARKED.has(s.kind))
    .sort((a, b) => a.start - b.start || (b.event ? 1 : 0) - (a.event ? 1 : 0));
  let out = "", at = 0;
  for (const s of usable) {
    if (s.start < at) continue;
    const inner = esc(text.slice(s.start, s.end));
    const title = `${s.kind}; source: ${s.source || "the article"}`;
    out += esc(text.slice(at, s.start)) + (s.event
      ? `<a class="evidence-link" href="/events/${encodeURIComponent(s.event)}"><mark class="evidence" data-event="${esc(s.event)}" title="${esc(title)}">${inner}</mark></a>`
      : `<a class="evidence-link" href="/actors/${encodeURIComponent(s.subject)}"><mark class="other" title="${esc(title)}">${inner}</mark></a>`);
    at = s.end;
  }
  return out + esc(text.slice(at));
}

async function load() {
  let d;
  try { d = await api(`/api/articles/${encodeURIComponent(articleId)}`); }
  catch (error) { showError(document.querySelector("main"), error); return; }
  const a = d.article;
  document.getElementById("title").textContent = a.title || "(untitled article)";
  document.title = `wirecoder: ${a.title || "article"}`;
  document.getElementById("meta").innerHTML = [a.outlet, a.published, a.dateline].filter(Boolean).map(esc).join(" &middot; ")
    + (webLink(a.url) ? ` &middot; <a href="${esc(a.url)}" rel="noreferrer noopener">original address</a>`
       : a.url ? ` &middot; address (not a web link): ${esc(a.url)}` : "")
    + ` &middot; language: <span id="language">${esc(a.language || "?")}</span>`;
  // e.g. W203: a language no installed pipeline reads, so the article was stored, not parsed
  document.getElementById("warnings").innerHTML = (d.warnings || []).map(w => `<p class="warning">${esc(w)}</p>`).join("");
  document.querySelector("#article-events tbody").innerHTML = d.events.map(e => `<tr>
    <td><a href="/events/${encodeURIComponent(e.id)}">${esc(whenShort(e.when))}</a>${e.historical ? " (historical)" : ""}</td>
    <td>${esc(e.type)} / ${esc(e.sub_type)}</td><td>${placeText(e.place)}</td>
    <td>${actorLink(e.actor1, e.actor1_name)}</td><td>${actorLink(e.actor2, e.actor2_name)}</td>
    <td>${e.fatalities ?? "-"}</td></tr>`).join("") || `<tr><td colspan="6">no events found in this article</td></tr>`;
  document.getElementById("text").innerHTML = marked(a.text, d.spans);
  document.getElementById("text").lang = a.language || "";
}
load();

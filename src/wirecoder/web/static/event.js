// One event: every coded field with the sources that support it, each evidence sentence,
// and every source article with the evidence highlighted in its text.
const eventId = decodeURIComponent(location.pathname.split("/").pop());

function highlighted(text, spans, claimIds) {
  const marks = spans.filter(s => claimIds.has(s.claim)).sort((a, b) => a.start - b.start);
  let out = "", at = 0;
  for (const s of marks) {
    if (s.start < at) continue;
    out += esc(text.slice(at, s.start)) + `<mark class="evidence" title="source: ${esc(s.source || "the article")}">` + esc(text.slice(s.start, s.end)) + "</mark>";
    at = s.end;
  }
  return out + esc(text.slice(at));
}

async function load() {
  let data;
  try { data = await api(`/api/events/${encodeURIComponent(eventId)}`); }
  catch (error) { showError(document.querySelector("main"), error); return; }
  const e = data.event, claims = data.claims;
  // per field, who says it: the sources of the claims that state that field (/api/events/{id}
  // gives their ids), the outlet added when the event merges reports of several outlets
  const byId = Object.fromEntries(claims.map(c => [c.id, c]));
  const outlets = Object.fromEntries(data.articles.map(a => [a.id, a.outlet || a.title || a.id]));
  const several = new Set(claims.map(c => c.article_id)).size > 1;
  const said = field => {
    const who = [...new Set((data.fields[field] || []).map(id => byId[id]).map(c =>
      (c.source || "the article") + (several ? ` (${outlets[c.article_id] || "an article"})` : "")))];
    return who.length ? `according to: ${who.map(esc).join("; ")}` : "";
  };
  document.getElementById("title").textContent = `${e.type} / ${e.sub_type}${e.historical ? " (historical background)" : ""}`;
  const rows = [
    ["when", whenText(e.when) + (e.when.text ? ` <span class="source">as worded: "${esc(e.when.text)}"</span>` : "")],
    ["where", placeText(e.place) + (e.place && e.place.text ? ` <span class="source">as worded: "${esc(e.place.text)}"</span>` : "")],
    ["actor 1", actorLink(e.actor1, e.actor1_name)], ["actor 2", actorLink(e.actor2, e.actor2_name)],
    ["associated", (e.assoc_actors || []).map((a, i) => actorLink(a, e.assoc_names[i])).join(", ") || "-"],
    ["fatalities", `${e.fatalities ?? "-"} ${(e.counts_text || []).length ? `<span class="source">(${e.counts_text.map(esc).join("; ")})</span>` : ""}`],
    ["status", `${esc(e.modality)}${e.hedged ? ", hedged" : ""}`], ["PLOVER", esc(e.plover || "-")],
  ];
  document.getElementById("fields").innerHTML = rows.map(([k, v]) =>
    `<tr><th>${k}</th><td>${v}</td><td class="source">${said(k)}</td></tr>`).join("");
  document.getElementById("claims").innerHTML = claims.map(c =>
    `<div class="claim"><span class="source">${esc(c.source || "the article")}${c.hedged ? " (hedged)" : ""}:</span><p class="quote evidence-sentence">${esc(c.sentence)}</p></div>`).join("");
  showJudgements(data);
  const ids = new Set(claims.map(c => c.id));
  const parts = [];
  for (const a of data.articles) {
    const full = await api(`/api/articles/${a.id}`);
    parts.push(`<h4><a class="article-link" href="/articles/${encodeURIComponent(a.id)}">${esc(a.title || a.id)}</a> <span class="source">${esc(a.outlet || "")} ${esc(a.published || "")}`
      // each source's language, and its text marked so (the evidence stays in its own words)
      + ` &middot; <span class="language">${esc(a.language || "?")}</span></span></h4>`
      + `<div class="article" lang="${esc(a.language || "")}">${highlighted(full.article.text, full.spans, ids)}</div>`);
  }
  document.getElementById("articles").innerHTML = parts.join("");
}
// The judgements that join this event's reports (or keep them apart): each pair's score and
// its parts, or the analyst who judged and why; with a writable server, split and merge.
function partsText(parts) {
  if (parts.judged_by) return `judged by ${esc(parts.judged_by)}${parts.why ? `: ${esc(parts.why)}` : ""}`;
  if (parts.veto) return `kept apart: ${esc(parts.veto)}`;
  return Object.entries(parts).map(([k, v]) => `${esc(k)} ${typeof v === "number" ? v.toFixed(2) : esc(String(v))}`).join(", ");
}

function showJudgements(data) {
  const box = document.getElementById("judgements");
  const rows = data.judgements || [];
  const title = Object.fromEntries(data.articles.map(a => [a.id, a.outlet || a.title || a.id]));
  const table = rows.length ? `<table class="judgements"><tr><th>reports</th><th>verdict</th><th>score</th><th>why</th>${data.writable ? "<th></th>" : ""}</tr>` + rows.map(j =>
    `<tr><td>${esc(title[j.article_a] || j.event_a.slice(0, 10))} / ${esc(title[j.article_b] || j.event_b.slice(0, 10))}</td><td>${esc(j.status)}</td><td>${Number(j.score).toFixed(2)}</td><td>${partsText(j.parts)}</td>`
    + (data.writable ? `<td>${j.status === "merged" ? `<button class="judge" data-a="${esc(j.event_a)}" data-b="${esc(j.event_b)}" data-verdict="split">split</button>` : ""}</td>` : "") + "</tr>").join("") + "</table>"
    : `<p class="source">One report: nothing merged.</p>`;
  const form = data.writable ? `<form id="judge-form" class="judge-form"><label>merge with event <input name="other" size="18" required></label> <label>by <input name="by" size="12" required></label> <label>why <input name="why" size="30"></label> <label>token <input name="token" type="password" size="10"></label> <button>merge</button> <span id="judge-said" class="source"></span></form>` : "";
  box.innerHTML = table + form;
  const send = async (a, b, verdict, by, why, token) => {
    const headers = {"Content-Type": "application/json"};
    if (token) headers["X-Ingest-Token"] = token;
    const answer = await fetch("/api/judgements", {method: "POST", headers,
      body: JSON.stringify({event_a: a, event_b: b, verdict, by, why})});
    const said = await answer.json().catch(() => ({}));
    if (!answer.ok) throw new Error(said.detail || answer.statusText);
    location.reload();
  };
  const form_ = document.getElementById("judge-form");
  const note = document.getElementById("judge-said");
  box.querySelectorAll("button.judge").forEach(b => b.addEventListener("click", async () => {
    const by = form_ ? form_.by.value || "analyst" : "analyst";
    try { await send(b.dataset.a, b.dataset.b, b.dataset.verdict, by, form_ ? form_.why.value : "", form_ ? form_.token.value : ""); }
    catch (error) { if (note) note.textContent = String(error.message || error); }
  }));
  if (form_) form_.addEventListener("submit", async ev => {
    ev.preventDefault();
    try { await send(data.event.id, form_.other.value.trim(), "merged", form_.by.value, form_.why.value, form_.token.value); }
    catch (error) { note.textContent = String(error.message || error); }
  });
}

load();

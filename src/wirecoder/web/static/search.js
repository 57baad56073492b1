// Search over actors (any alias), places and article text.
const q = urlParams().q || "";
document.querySelector("header input[name=q]").value = q;
if (q) {
  document.getElementById("title").textContent = `Search: ${q}`;
  api("/api/search", {q}).then(r => {
    document.getElementById("actors").innerHTML = r.actors.map(a =>
      `<li><a class="actor-result" href="/actors/${encodeURIComponent(a.id)}">${esc(a.name)}</a> <span class="source">${(a.aliases || []).map(esc).join(", ")}</span></li>`).join("") || "<li>none</li>";
    document.getElementById("places").innerHTML = r.places.map(p => `<li>${esc(p)}</li>`).join("") || "<li>none</li>";
    document.getElementById("articles").innerHTML = r.articles.map(a =>
      `<li><b>${esc(a.title || a.id)}</b> <span class="source">${esc(a.outlet || "")} ${esc(a.published)}</span><br>${esc(a.snippet)}</li>`).join("") || "<li>none</li>";
  }, error => showError(document.querySelector("main"), error));
}

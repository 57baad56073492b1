// The actor network (vis-network, installed from npm): nodes coloured by actor type and
// sized by their events, edges coloured by the family of their relation; filters by actor
// type, country and relation live in the URL. Click a node for the dossier.
const RELATION_COLOURS = {command: "#d62728", membership: "#1f77b4", alliance: "#2ca02c",
                          rivalry: "#ff7f0e", place: "#8c564b", other: "#7f7f7f"};
const RELATION_GROUPS = {command: "command (leads, commands, aide, spokesperson)", membership: "membership (member, branch, splinter)",
                         alliance: "alliance", rivalry: "rivalry", place: "based in", other: "other"};

function controls(params) {
  const form = document.getElementById("network-filters");
  form.elements.type.innerHTML = `<option value="">any</option>` + Object.keys(ACTOR_COLOURS).map(t => `<option>${esc(t)}</option>`).join("");
  form.elements.relation.innerHTML = `<option value="">any</option>` + Object.entries(RELATION_GROUPS).map(([g, label]) => `<option value="${g}">${esc(label)}</option>`).join("");
  for (const name of ["type", "country", "relation"]) form.elements[name].value = params[name] || "";
  autocomplete(form.elements.country, "country");
  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const values = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v));
    location.href = "/network" + (Object.keys(values).length ? "?" + new URLSearchParams(values) : "");
  });
}

function legend(g) {
  const types = {}, groups = {};
  for (const n of g.nodes) types[n.type] = (types[n.type] || 0) + 1;
  for (const e of g.edges) groups[e.group] = (groups[e.group] || 0) + 1;
  document.getElementById("network-legend").innerHTML =
    `<div><span class="legend-head">actors</span>` + Object.entries(ACTOR_COLOURS).map(([t, c]) =>
      `<span class="legend-actor"><i class="swatch" style="background:${c}"></i>${esc(t)} <b>${types[t] || 0}</b></span>`).join("") + `</div>`
    + `<div><span class="legend-head">relations</span>` + Object.entries(RELATION_COLOURS).map(([gname, c]) =>
      `<span class="legend-relation"><i class="edge-swatch" style="background:${c}"></i>${esc(RELATION_GROUPS[gname])} <b>${groups[gname] || 0}</b></span>`).join("") + `</div>`;
}

async function load() {
  const params = urlParams();
  controls(params);
  let g;
  try { g = await api("/api/graph", {type: params.type, country: params.country, relation: params.relation}); }
  catch (error) { showError(document.getElementById("network"), error); return; }
  legend(g);
  const names = Object.fromEntries(g.nodes.map(n => [n.id, n.label]));
  document.getElementById("network-status").textContent = g.nodes.length
    ? `${g.nodes.length} actors, ${g.edges.length} relations. Node size: events the actor takes part in.`
    : "No relations match these filters.";
  document.querySelector("#relations tbody").innerHTML = g.edges.map(e =>
    `<tr><td>${actorLink(e.from, names[e.from])}</td><td><i class="edge-swatch" style="background:${RELATION_COLOURS[e.group] || "#777"}"></i>${esc(e.label)}</td><td>${actorLink(e.to, names[e.to])}</td><td>${e.since ? esc(whenShort(e.since)) + (e.since.precision !== "day" ? ` <span class="source">(${esc(e.since.precision)})</span>` : "") : ""}</td></tr>`).join("");
  // relation labels on the edges only where they have room; the table below lists them all
  const many = g.edges.length > 80 || window.innerWidth < 700;
  const nodes = new vis.DataSet(g.nodes.map(n => ({
    id: n.id, label: n.label.length > 28 ? n.label.slice(0, 26) + "..." : n.label,
    title: `${n.label}\n${n.type}${n.country ? ", " + countryName(n.country) : ""}\n${n.events} events`,
    shape: "dot", size: 8 + Math.min(22, 4 * Math.sqrt(n.events)),
    color: {background: ACTOR_COLOURS[n.type] || "#777", border: "#333", highlight: {background: ACTOR_COLOURS[n.type] || "#777", border: "#000"}},
  })));
  const edges = new vis.DataSet(g.edges.map((e, i) => ({
    id: i, from: e.from, to: e.to, arrows: "to", title: `${names[e.from]} ${e.label} ${names[e.to]}${e.since ? " (since " + whenShort(e.since) + ")" : ""}`,
    label: many ? undefined : e.label, color: {color: RELATION_COLOURS[e.group] || "#777", highlight: "#000"}, width: 2,
    smooth: {type: "dynamic"},
  })));
  const network = new vis.Network(document.getElementById("network"), {nodes, edges}, {
    physics: {solver: "forceAtlas2Based", forceAtlas2Based: {gravitationalConstant: -80, springLength: 140, avoidOverlap: 0.6},
              stabilization: {iterations: 300}},
    interaction: {hover: true, tooltipDelay: 150},
    nodes: {font: {size: 14, color: "#222", strokeWidth: 4, strokeColor: "#ffffff"}},
    edges: {font: {size: 11, color: "#444", strokeWidth: 3, strokeColor: "#ffffff", align: "top"}},
  });
  // labels keep a readable size on screen (14 px for actors, 11 for relations) at any zoom
  const readable = () => {
    const scale = Math.max(0.05, network.getScale());
    network.setOptions({nodes: {font: {size: Math.min(48, 14 / scale)}},
                        edges: {font: {size: Math.min(36, 11 / scale)}}});
  };
  network.once("stabilizationIterationsDone", () => { network.setOptions({physics: false}); network.fit(); readable(); });
  network.on("zoom", readable);
  readable();
  network.on("click", params => { if (params.nodes.length) location.href = `/actors/${encodeURIComponent(params.nodes[0])}`; });
  window.wirecoderNetwork = network;
}
load();

// The actor network (vis-network, installed from npm). Click a node for the dossier.
const SHAPES = {"person": "dot", "armed group": "diamond", "state force": "square", "government": "square"};
api("/api/graph").then(g => {
  const nodes = new vis.DataSet(g.nodes.map(n => ({id: n.id, label: n.label, shape: SHAPES[n.type] || "triangle"})));
  const edges = new vis.DataSet(g.edges.map((e, i) => ({id: i, from: e.from, to: e.to, label: e.label, arrows: "to", font: {size: 10}})));
  const network = new vis.Network(document.getElementById("network"), {nodes, edges}, {physics: {stabilization: true}});
  network.on("click", params => { if (params.nodes.length) location.href = `/actors/${encodeURIComponent(params.nodes[0])}`; });
  window.wirecoderNetwork = network;
}, error => showError(document.getElementById("network"), error));

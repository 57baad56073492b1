"""The actor network for Gephi and friends, as GEXF 1.3 or GraphML: actors are nodes (name,
type, country); edges are stated relations (label = predicate) and co-participation in events
(label ``co_participant``, weight = number of shared events). Merged actors are one node,
under their canonical id; nodes and edges come in a fixed order (by name, then by the
relation or the pair of ids), so one store always gives the same file."""

from __future__ import annotations

from collections import Counter
from xml.sax.saxutils import escape, quoteattr


def _graph(store):
    index = store.actor_index()  # any actor id -> the (merged) actor it reads as
    actors = {a.id: a for a in store.actors()}
    edges = []
    for r in store.relations():
        if r.subject in index and r.object in index:
            a, b = index[r.subject].id, index[r.object].id
            if a != b:  # two names of one actor are not a relation between actors
                edges.append((a, b, r.predicate, 1))
    shared: Counter = Counter()
    for event in store.events():
        sides = sorted({index[x].id for x in (event.actor1, event.actor2, *event.assoc_actors)
                        if x in index})
        for i, a in enumerate(sides):
            for b in sides[i + 1:]:
                shared[(a, b)] += 1
    edges += [(a, b, "co_participant", n) for (a, b), n in sorted(shared.items())]
    return actors, edges


def write_gexf(store, out) -> None:
    actors, edges = _graph(store)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
              '<graph defaultedgetype="directed" mode="static">\n'
              '<attributes class="node"><attribute id="type" title="type" type="string"/>'
              '<attribute id="country" title="country" type="string"/></attributes>\n<nodes>\n')
    for a in actors.values():
        out.write(f'<node id={quoteattr(a.id)} label={quoteattr(a.name)}><attvalues>'
                  f'<attvalue for="type" value={quoteattr(a.type)}/>'
                  f'<attvalue for="country" value={quoteattr(a.country or "")}/>'
                  f'</attvalues></node>\n')
    out.write("</nodes>\n<edges>\n")
    for i, (a, b, label, weight) in enumerate(edges):
        out.write(f'<edge id="{i}" source={quoteattr(a)} target={quoteattr(b)} '
                  f'label={quoteattr(label)} weight="{weight}"/>\n')
    out.write("</edges>\n</graph>\n</gexf>\n")


def write_graphml(store, out) -> None:
    actors, edges = _graph(store)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '<key id="name" for="node" attr.name="name" attr.type="string"/>\n'
              '<key id="type" for="node" attr.name="type" attr.type="string"/>\n'
              '<key id="country" for="node" attr.name="country" attr.type="string"/>\n'
              '<key id="label" for="edge" attr.name="label" attr.type="string"/>\n'
              '<key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
              '<graph id="actors" edgedefault="directed">\n')
    for a in actors.values():
        out.write(f'<node id={quoteattr(a.id)}><data key="name">{escape(a.name)}</data>'
                  f'<data key="type">{escape(a.type)}</data>'
                  f'<data key="country">{escape(a.country or "")}</data></node>\n')
    for a, b, label, weight in edges:
        out.write(f'<edge source={quoteattr(a)} target={quoteattr(b)}>'
                  f'<data key="label">{escape(label)}</data>'
                  f'<data key="weight">{weight}</data></edge>\n')
    out.write("</graph>\n</graphml>\n")

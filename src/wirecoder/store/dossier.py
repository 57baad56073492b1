"""An actor's dossier: every record about it, each with the claims (evidence) behind it."""

from __future__ import annotations

from . import links


def build(store, key: str) -> dict | None:
    """``{"actor", "relations", "events", "attributes"}``; each item pairs a record with the
    claims that state it, so every line of a dossier can show its sentence and source."""
    actor = store.actor(key)
    if actor is None:
        return None
    ids = links.members(store.conn, actor.id)  # the actor and every actor merged into it
    relations = []
    for relation in store.relations(actor.id):
        # relation claims are filed under the relation's subject (resolve/records.py)
        said = [c for c in store.claims(kind="relation", subject=relation.subject)
                if _states(c.value, relation)]
        relations.append({"relation": relation, "claims": said})
    events = [{"event": e, "claims": store.event_claims(e)} for e in store.events(actor=actor.id)]
    attributes = [{"claim": c, "claims": [c]}
                  for member in ids for c in store.claims(kind="attribute", subject=member)]
    return {"actor": actor, "relations": relations, "events": events, "attributes": attributes}


def _states(value: dict, relation) -> bool:
    return (value.get("subject"), value.get("predicate"), value.get("object")) == \
        (relation.subject, relation.predicate, relation.object)


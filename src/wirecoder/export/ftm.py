"""FollowTheMoney entities, one JSON object a line (``followthemoney`` tools and Aleph read
them): Person / Organization for actors, Membership for member/leader/commander ties,
Article for sources, Event for events, Mention for each time an article names an actor."""

from __future__ import annotations

import json

from ..model import stable_id, web_link

MEMBERSHIP = {"member_of": "member", "leader_of": "leader", "commander_of": "commander",
              "spokesman_of": "spokesman", "aide_to": "aide"}


def _id(*parts) -> str:
    return "wc-" + stable_id(*parts)


def write_ftm(store, out) -> None:
    def emit(schema, key, **props):
        clean = {k: [str(x) for x in (v if isinstance(v, (list, tuple)) else [v]) if x]
                 for k, v in props.items()}
        out.write(json.dumps({"id": key, "schema": schema,
                              "properties": {k: v for k, v in clean.items() if v}},
                             ensure_ascii=False, sort_keys=True) + "\n")

    actors = store.actor_index()  # any actor id -> the (merged) actor it reads as
    for a in store.actors():
        schema = "Person" if a.type == "person" else "Organization"
        emit(schema, _id("actor", a.id), name=a.name, alias=list(a.aliases),
             country=a.country.lower() if a.country else None, topics=[],
             description=a.type)
    for article in store.articles():
        emit("Article", _id("article", article.id), title=article.title or article.id,
             publisher=article.outlet, sourceUrl=web_link(article.url),
             publishedAt=article.published.isoformat() if article.published else None)
    for r in store.relations():
        if r.predicate in MEMBERSHIP and r.subject in actors and r.object in actors \
                and actors[r.object].type != "person":
            emit("Membership", _id("relation", r.subject, r.predicate, r.object),
                 member=_id("actor", actors[r.subject].id),
                 organization=_id("actor", actors[r.object].id),
                 role=MEMBERSHIP[r.predicate],
                 startDate=r.valid_from.start.isoformat() if r.valid_from and r.valid_from.start
                 else None)
    for event in store.events():
        involved = list(dict.fromkeys(_id("actor", actors[x].id) for x in (
            event.actor1, event.actor2, *event.assoc_actors) if x in actors))
        emit("Event", _id("event", event.id), name=f"{event.type}: {event.sub_type}",
             summary=event.summary, date=event.when.start.isoformat() if event.when.start else None,
             endDate=event.when.end.isoformat() if event.when.end else None,
             location=event.place.name if event.place else None,
             country=event.place.country.lower() if event.place and event.place.country else None,
             involved=involved,
             proof=[_id("article", a.id) for a in store.event_articles(event.id)])
    for claim in store.claims(kind="actor"):
        if claim.subject in actors:
            emit("Mention", _id("mention", claim.id), name=claim.value.get("text") or
                 actors[claim.subject].name, document=_id("article", claim.article_id),
                 resolved=_id("actor", actors[claim.subject].id),
                 detectedSchema="Person" if actors[claim.subject].type == "person"
                 else "Organization")

"""Events as a GeoJSON FeatureCollection: points with the event's fields as properties.
Events without coordinates cannot be drawn: they are left out and counted in the
collection's ``wirecoder:unplaced`` member, never given a made-up point."""

from __future__ import annotations

import json

from ..model import to_dict


def write_geojson(store, out) -> None:
    actors = {key: a.name for key, a in store.actor_index().items()}
    features, unplaced = [], 0
    for event in store.events():
        place = event.place
        if place is None or place.lat is None or place.lon is None:
            unplaced += 1
            continue
        props = {k: v for k, v in to_dict(event).items() if k != "place"}
        props.update(place=place.name, country=place.country, admin1=place.admin1,
                     geo_precision=place.precision, actor1_name=actors.get(event.actor1),
                     actor2_name=actors.get(event.actor2))
        features.append({"type": "Feature", "id": event.id, "properties": props,
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}})
    json.dump({"type": "FeatureCollection", "features": features, "wirecoder:unplaced": unplaced},
              out, ensure_ascii=False, default=str)
    out.write("\n")

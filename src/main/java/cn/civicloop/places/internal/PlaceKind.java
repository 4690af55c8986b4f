package cn.civicloop.places.internal;

/** What a named place is. */
enum PlaceKind {
    RESIDENTIAL, SCHOOL, HOSPITAL, MARKET, PARK, ORGANISATION, BUS_STOP, GATE
}

package cn.civicloop.places.internal;

import java.util.List;

import cn.civicloop.places.PlaceLevel;

/**
 * One row of the gazetteer: an address element or a named place.
 *
 * @param kind        for a place: {@link PlaceKind} name; null otherwise
 * @param parent      the code of the element it belongs to (a doorplate's road, a building's place), or null
 * @param name        its own part of the address: "广济路", "12号", "3号楼", "2单元", "401", "君山花园", "东门"
 * @param aliases     other names people use ("实验小学", "实小")
 * @param formerNames names it had before (a renamed road or compound)
 * @param line        for a road: its centre line as {@code lon lat;lon lat;…}; null otherwise
 */
record Element(String code, PlaceLevel level, String kind, String parent, String name, List<String> aliases,
        List<String> formerNames, double lat, double lon, String line, String street, String community,
        String grid) {

    Element {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    }

    Element placed(String street, String community, String grid) {
        return new Element(code, level, kind, parent, name, aliases, formerNames, lat, lon, line, street, community,
                grid);
    }
}

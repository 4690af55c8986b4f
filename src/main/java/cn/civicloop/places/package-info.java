/**
 * Places (地名地址): the district's standard address gazetteer (标准地址库, the "一标" of 一标三实) and the geocoder
 * every other module uses to find and name a place.
 * <ul>
 * <li>Address elements as data, one tree of codes: road or lane → doorplate; named place (小区, school, hospital,
 * market, park, 单位, bus stop, with aliases and former names) → gate, building → unit → room; each with a WGS84
 * point and the grid, community and street (the {@code geo} module's areas) it lies in. CSV import and export,
 * validated as a whole, with the history of every change.</li>
 * <li>The geocoder ({@link cn.civicloop.places.Gazetteer}): free Chinese text → ranked candidates with level,
 * confidence and point, never an invented point; suggestions as one types; a point → the nearest doorplate or place.
 * </li>
 * </ul>
 * This package is the module's API. The implementation is in {@code internal} (store, demo generator, text
 * normalisation, in-memory index, geocoder, import), pages and API in {@code web}. Tables {@code places_*},
 * templates {@code templates/places/}, messages {@code messages-places*}, settings {@code civicloop.places.*}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Places (地名地址)",
        allowedDependencies = {"shared", "geo", "cluster", "directory", "security"})
package cn.civicloop.places;

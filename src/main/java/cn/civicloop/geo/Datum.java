package cn.civicloop.geo;

/** The geodetic datum a client reported its coordinates in. */
public enum Datum {
    /** GPS, OpenStreetMap, GeoJSON. */
    WGS84,
    /** The obfuscated "Mars" datum mandated in China, used by AMap, Tencent Maps and WeChat location. */
    GCJ02
}

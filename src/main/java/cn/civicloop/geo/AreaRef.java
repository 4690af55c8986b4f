package cn.civicloop.geo;

/**
 * An administrative area by its code (GB/T 30428.1 layout: district 6 digits, street +3, community +3, grid +2).
 */
public record AreaRef(String code, String name, AreaLevel level) {
}

package cn.civicloop.directory;

/** A node of the area tree 区 → 街道/镇 → 社区/村 → 网格 (codes after GB/T 30428.1). */
public record Area(String code, String name, String level, String parentCode) {
}

package cn.civicloop.geo;

/** Where a point lies: the grid and the community and street that contain it. */
public record Placement(AreaRef street, AreaRef community, AreaRef grid) {
}

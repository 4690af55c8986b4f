package cn.civicloop.cases;

/** How to reach the resident of a case, for notifications; never shown publicly. */
public record ResidentContact(String number, Channel channel, String name, String phone) {
}

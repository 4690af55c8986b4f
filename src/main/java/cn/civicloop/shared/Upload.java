package cn.civicloop.shared;

/** A photo sent with an appeal or as evidence with a reply; checked for type and size before it is stored. */
public record Upload(String filename, String declaredContentType, byte[] data) {
}

package cn.civicloop.places.internal;

/** A node the text may mean, with how it is shown and how sure the geocoder is. */
record Resolved(GazetteerNode node, String label, double confidence) {

    static Resolved of(GazetteerNode node, double confidence) {
        return new Resolved(node, node.label(), confidence);
    }
}

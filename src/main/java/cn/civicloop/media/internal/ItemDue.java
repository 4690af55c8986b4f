package cn.civicloop.media.internal;

import java.io.Serializable;

/** The data of an item's response timer; stored serialized with the pending timer, so its name and package stay. */
public record ItemDue(long itemId) implements Serializable {

    /** The db-scheduler task of the items' response deadlines. */
    public static final String TASK = "media-item-due";

    public String instanceId() {
        return Long.toString(itemId);
    }
}

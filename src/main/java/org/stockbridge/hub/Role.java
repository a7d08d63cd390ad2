package org.stockbridge.hub;

/** What a connection is for one data kind: the hub takes the data from it, sends the data to it, or neither. */
public enum Role {
    SUPERIOR, INFERIOR, NONE;

    public static Role parse(String value) {
        return EnumText.parse(Role.class, value, NONE, "role");
    }

    public String id() {
        return EnumText.id(this);
    }
}

package org.stockbridge.feed;

import javax.xml.stream.XMLStreamReader;

/**
 * An element or attribute name from a mapping path. Without a prefix it matches the local name in any namespace
 * ({@code id}); with one it matches the prefix as written in the file ({@code g:id} in Google Merchant feeds).
 */
record XmlName(String prefix, String local) {

    static XmlName parse(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? new XmlName(null, name) : new XmlName(name.substring(0, colon), name.substring(colon + 1));
    }

    /** Whether the current START_ELEMENT has this name. */
    boolean matchesElement(XMLStreamReader xml) {
        return local.equals(xml.getLocalName()) && (prefix == null || prefix.equals(xml.getPrefix()));
    }

    /** The value of this attribute on the current START_ELEMENT, or null. */
    String attributeOf(XMLStreamReader xml) {
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            if (local.equals(xml.getAttributeLocalName(i))
                    && (prefix == null || prefix.equals(xml.getAttributePrefix(i)))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** A mapping path split into element names; the last step may be an {@code @attribute}. */
    static XmlName[] elements(String path) {
        String elementPart = path.startsWith("@") ? "" : attributeIndex(path) < 0 ? path
                : path.substring(0, attributeIndex(path) - 1);
        if (elementPart.isEmpty()) {
            return new XmlName[0];
        }
        String[] parts = elementPart.split("/");
        XmlName[] names = new XmlName[parts.length];
        for (int i = 0; i < parts.length; i++) {
            names[i] = parse(parts[i]);
        }
        return names;
    }

    /** The attribute at the end of a mapping path ({@code @id}, {@code stock/@qty}), or null. */
    static XmlName attribute(String path) {
        int at = path.startsWith("@") ? 0 : attributeIndex(path);
        return at < 0 ? null : parse(path.substring(at + 1));
    }

    private static int attributeIndex(String path) {
        return path.indexOf("/@") < 0 ? -1 : path.indexOf("/@") + 1;
    }

    @Override
    public String toString() {
        return prefix == null ? local : prefix + ":" + local;
    }
}

package org.stockbridge.format.prestashop;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The XML PrestaShop's webservice speaks: a {@code <prestashop>} root around one resource or a list. Answers are
 * one resource or one page of products, so DOM is fine; DTDs and external entities are refused, since the answer
 * comes from outside.
 */
final class PrestaShopXml {

    static final String CONTENT_TYPE = "application/xml";

    private PrestaShopXml() {
    }

    /** {@code <prestashop><resource><field>value</field>…</resource></prestashop>}, values escaped. */
    static byte[] resource(String resource, Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n  <").append(resource).append(">\n");
        fields.forEach((name, value) -> xml.append("    <").append(name).append('>').append(escape(value))
                .append("</").append(name).append(">\n"));
        xml.append("  </").append(resource).append(">\n</prestashop>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** The {@code <prestashop>} root of the answer, or empty when the answer is not PrestaShop XML. */
    static Optional<Element> root(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Document document = builder().parse(new InputSource(new StringReader(body.strip())));
            Element root = document.getDocumentElement();
            return "prestashop".equals(root.getTagName()) ? Optional.of(root) : Optional.empty();
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
    }

    /** {@code "90: id is required when modifying a resource"} for each {@code <errors><error>}; empty when none. */
    static List<String> errors(Element root) {
        List<String> errors = new ArrayList<>();
        Element list = child(root, "errors");
        if (list != null) {
            for (Element error : children(list, "error")) {
                String code = text(child(error, "code"));
                String message = text(child(error, "message"));
                errors.add(code == null ? String.valueOf(message) : message == null ? code : code + ": " + message);
            }
        }
        return errors;
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent == null ? null : parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                children.add(element);
            }
        }
        return children;
    }

    /** The trimmed text (CDATA included) of an element, or null when it is missing or empty. */
    static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors instead of printing to stderr
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }
}

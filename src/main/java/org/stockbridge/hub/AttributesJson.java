package org.stockbridge.hub;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Product attributes are stored as one JSON object per product, so both databases store them the same way. */
@Component
public class AttributesJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public AttributesJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored product attributes are not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    public String write(Map<String, Object> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw HubException.invalid("attributes cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}

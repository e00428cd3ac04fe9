package dev.pathwise.engine.scenario;

import dev.pathwise.engine.spelling.Suggestions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading typed values out of a YAML map, with messages that name the file, the field and the fix. */
final class YamlFields {

    private final String file;

    YamlFields(String file) {
        this.file = file;
    }

    ScenarioException problem(String field, String message) {
        return new ScenarioException(file + ": " + field + ": " + message);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value, String field) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw problem(field, "expected named fields (key: value), got '" + value + "'");
        }
        return (Map<String, Object>) map;
    }

    List<?> list(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw problem(field, "expected a list ([a, b] or lines starting with '- '), got '" + value + "'");
        }
        return list;
    }

    List<String> strings(Object value, String field) {
        return list(value, field).stream().map(String::valueOf).toList();
    }

    String text(Map<String, Object> map, String key, String field, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                throw problem(field + "." + key, "is missing");
            }
            return null;
        }
        return String.valueOf(value);
    }

    double number(Object value, String field) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw problem(field, "'" + value + "' is not a number; write it like 0.85");
        }
    }

    Instant instant(Object value, String field) {
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw problem(field, "'" + value + "' is not a time; write it like 2026-09-08T09:00:00Z");
        }
    }

    LocalDate date(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Date date) {
            return LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw problem(field, "'" + value + "' is not a date; write it like 2026-09-07");
        }
    }

    <E extends Enum<E>> E constant(Class<E> type, Object value, String field) {
        String text =
                String.valueOf(value).trim().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        Collection<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
        throw problem(
                field,
                "'" + value + "' is not one of " + String.join(", ", names) + "."
                        + Suggestions.nameHint(String.valueOf(value), names));
    }

    void onlyKeys(Map<String, Object> map, String field, List<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw problem(
                        field.isEmpty() ? key : field + "." + key,
                        "unknown field; use " + String.join(", ", known) + "." + Suggestions.nameHint(key, known));
            }
        }
    }
}

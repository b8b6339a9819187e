package org.mirrorwatch.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.platform.PlainText;

/**
 * The API's one policy for reading JSON: a value must have the type its field declares (no "yes" for a
 * boolean, no 12345 for a text, no 1.5 for a whole number), nothing may follow the document, every field
 * must be one the endpoint takes, a key may appear once, nesting and numbers are bounded, and no text may
 * hold a control character other than a line break or tab. Field-specific lengths are the business tier's
 * rules; the bound here is for texts longer than any field takes.
 */
final class StrictJson {

    /** Longer than any text field of any request (the whiteboard, 4,000, is the longest). */
    static final int MAX_TEXT = 10_000;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxNumberLength(19)
                            .maxStringLength(MAX_TEXT * 4)
                            .maxNameLength(100)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .withCoercionConfigDefaults(config -> {
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
            })
            .addModule(new SimpleModule("mirrorwatch-strict-text").addDeserializer(String.class, new TextValue()))
            .build();

    private StrictJson() {
    }

    /**
     * Reads the body into {@code type}.
     *
     * @throws InvalidInputException naming the field (as {@code a.b[2].c}) and what to send instead
     */
    static Object read(InputStream body, Type type) throws IOException {
        JavaType javaType = TypeFactory.defaultInstance().constructType(type);
        ObjectReader reader = MAPPER.readerFor(javaType);
        try {
            Object value = reader.readValue(body);
            if (value == null) {
                throw new InvalidInputException("body", "Send a JSON " + (javaType.isCollectionLikeType()
                        ? "array" : "object") + "; see the API documentation.");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(fieldOf(e), messageOf(e, javaType));
        }
    }

    /**
     * A {@code PUT} body: every component of the record must be present (null where the field may be
     * empty), so that a client that leaves a field out learns it instead of having it cleared.
     */
    static <R extends Record> R complete(ObjectNode body, Class<R> type) {
        List<String> missing = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !body.has(name)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing.stream().map(name -> new FieldError(name, "Send every field;"
                    + " use null for none, or PATCH to change some fields only.")).toList());
        }
        return bind(body, type);
    }

    /**
     * A JSON Merge Patch (RFC 7396) applied to {@code current}: a field in the patch replaces the current
     * value, null clears it, and a field left out keeps it.
     */
    @SuppressWarnings("unchecked")
    static <R extends Record> R merge(R current, ObjectNode patch) {
        ObjectNode merged = MAPPER.valueToTree(current);
        patch.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        return bind(merged, (Class<R>) current.getClass());
    }

    private static <R> R bind(ObjectNode body, Class<R> type) {
        try {
            return MAPPER.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(fieldOf(e), messageOf(e, MAPPER.constructType(type)));
        }
    }

    private static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "body";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append(path.isEmpty() ? "body" : "").append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String messageOf(JsonProcessingException e, JavaType bodyType) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "This endpoint takes no field \"" + PlainText.printable(unknown.getPropertyName(), 40) + "\"; it takes "
                    + (known == null ? "the fields in the API documentation" : known.stream().map(Object::toString)
                            .sorted().collect(Collectors.joining(", "))) + ".";
        }
        if (e instanceof RefusedText refused) {
            return refused.getOriginalMessage();
        }
        if (e.getMessage() != null && e.getMessage().startsWith("No content to map")) {
            return "The request body is empty; send a JSON " + (bodyType.isCollectionLikeType() ? "array" : "object")
                    + " as the API documentation shows.";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) {
                return "Send one JSON value with nothing after it.";
            }
            return "Give " + expected(mismatch.getTargetType()) + ".";
        }
        if (e instanceof StreamConstraintsException) {
            return "The JSON is nested too deeply, or has a number or name too long for any field; see the API"
                    + " documentation.";
        }
        String where = e.getLocation() == null ? ""
                : String.format(Locale.ROOT, " (line %d, column %d)", e.getLocation().getLineNr(),
                        e.getLocation().getColumnNr());
        return "The body is not valid JSON" + where + ". Send " + (bodyType.isCollectionLikeType() ? "an array"
                : "an object") + " as the API documentation shows.";
    }

    /** What a field of this type takes, in the words of a JSON document. */
    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false, without quotes";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number, without quotes";
        }
        if (type == String.class) {
            return "a text, in quotes";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + ", in quotes";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }


    /** A text that breaks {@link PlainText}'s character rule or the overall bound; Jackson adds its path. */
    private static final class RefusedText extends JsonMappingException {

        private static final long serialVersionUID = 1L;

        RefusedText(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /**
     * Texts as the strict mapper reads them: only from a JSON string (the mapper's coercion settings refuse
     * numbers and booleans), bounded, and without control characters other than line breaks and tabs.
     */
    private static final class TextValue extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        TextValue() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            Optional<String> problem = text.length() > MAX_TEXT
                    ? Optional.of("Use at most " + String.format(Locale.ROOT, "%,d", MAX_TEXT) + " characters.")
                    : PlainText.forbiddenCharacter(text, PlainText.Lines.MANY);
            if (problem.isPresent()) {
                throw new RefusedText(parser, problem.get());
            }
            return text;
        }
    }
}

package org.mirrorwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mirrorwatch.platform.FieldError;
import org.mirrorwatch.platform.InvalidInputException;
import org.mirrorwatch.publishing.boundary.PublicationImport;

class StrictJsonTest {

    private static Object read(String json, Type type) throws IOException {
        return StrictJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
    }

    private static FieldError refusal(String json, Type type) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(json, type));
        return e.getErrors().get(0);
    }

    @Test
    void aBooleanFieldTakesOnlyTrueOrFalse() throws IOException {
        assertEquals(new MirrorResource.EnabledRequest(false), read("{\"enabled\":false}",
                MirrorResource.EnabledRequest.class));
        for (String wrong : List.of("\"maybe\"", "\"true\"", "1", "0", "[]", "{}", "1.0")) {
            FieldError error = refusal("{\"enabled\":" + wrong + "}", MirrorResource.EnabledRequest.class);
            assertEquals("enabled", error.field(), wrong);
            assertEquals("Give true or false, without quotes.", error.message(), wrong);
        }
    }

    @Test
    void aTextFieldRefusesNumbersBooleansAndObjects() {
        for (String wrong : List.of("12345", "1.5", "true", "{}", "[\"a\"]")) {
            assertEquals("name", refusal("{\"name\":" + wrong + "}", MirrorRequest.class).field(), wrong);
        }
    }

    @Test
    void anEnumFieldTakesOnlyItsConstantsAsText() {
        FieldError error = refusal("{\"status\":0}", MirrorResource.ReviewRequest.class);
        assertEquals("status", error.field());
        assertTrue(error.message().contains("OFFICIAL"), error.message());
        assertEquals("status", refusal("{\"status\":\"official-ish\"}", MirrorResource.ReviewRequest.class).field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"enabled\":true} xyz | body",
        "{\"enabled\":true}{} | body",
        "{\"enabled\":true,\"enabled\":false} | body",
        "{\"enabled\":true,\"surprise\":1} | surprise",
        "{\"enabled\":tru} | body",
        "'' | body",
        "null | body",
        "[] | body",
        "\"text\" | body"})
    void documentsThatAreNotOneObjectOfKnownFieldsAreRefused(String json, String field) {
        assertEquals(field, refusal(json, MirrorResource.EnabledRequest.class).field(), json);
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertEquals("enabled", refusal("{\"enabled\":" + deep + "}", MirrorResource.EnabledRequest.class).field());
        assertEquals("body", refusal(deep, Object.class).field());
    }

    @Test
    void controlCharactersInAnyTextAreRefusedWithTheirField() {
        FieldError error = refusal("{\"name\":\"m\",\"displayName\":\"a\\u0000b\"}", MirrorRequest.class);
        assertEquals("displayName", error.field());
        assertTrue(error.message().contains("U+0000"), error.message());
        assertEquals("description", refusal("{\"description\":\"bell\\u0007\"}", MirrorRequest.class).field());
    }

    @Test
    void textsLongerThanAnyFieldAreRefused() {
        String huge = "x".repeat(StrictJson.MAX_TEXT + 1);
        assertEquals("description", refusal("{\"description\":\"" + huge + "\"}", MirrorRequest.class).field());
    }

    @Test
    void aBadRowOfAnArrayIsNamedByItsIndex() throws Exception {
        Type rows = PublicationResource.class.getMethod("importBatch", List.class).getGenericParameterTypes()[0];
        String good = "{\"kind\":\"SOURCE\",\"name\":\"a\"}";
        FieldError error = refusal("[" + good + "," + good + ",{\"kind\":7}]", rows);
        assertEquals("body[2].kind", error.field());
        @SuppressWarnings("unchecked")
        List<PublicationImport> read = (List<PublicationImport>) read("[" + good + "]", rows);
        assertEquals("a", read.get(0).name());
    }
}

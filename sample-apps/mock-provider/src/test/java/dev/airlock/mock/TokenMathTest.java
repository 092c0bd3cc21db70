package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class TokenMathTest {

    @Test
    void chunksAreTwoWordsAndConcatenateBackExactly() {
        assertEquals(Arrays.asList("You said: ", "a b ", "c"), TokenMath.chunks("You said: a b c"));
        assertEquals(Arrays.asList(" x  y ", "z"), TokenMath.chunks(" x  y z"));
        assertEquals(Collections.singletonList("   "), TokenMath.chunks("   "));
        assertEquals(Collections.singletonList(""), TokenMath.chunks(""));
    }

    @Test
    void wordsAndTokenRounding() {
        assertEquals(4, TokenMath.words("You said: hi there"));
        assertEquals(1, TokenMath.words("  "));
        assertEquals(1, TokenMath.tokensForChars(0));
        assertEquals(1, TokenMath.tokensForChars(4));
        assertEquals(2, TokenMath.tokensForChars(5));
    }

    @Test
    void promptCharsCountOnlyTextFields() throws Exception {
        String body = "{\"model\":\"a-very-long-model-name\",\"messages\":[{\"role\":\"user\",\"content\":\"abcd\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"ef\"}]}],\"system\":\"g\"}";
        assertEquals(7, TokenMath.promptChars(Json.parse(body)));
        assertEquals(6, TokenMath.promptChars(Json.parse("{\"input\":[\"abc\",\"def\"]}")));
    }
}

package org.stockbridge.feed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

import static org.assertj.core.api.Assertions.assertThat;

class SingleByteReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"windows-1250", "ISO-8859-2", "windows-1252", "ISO-8859-1"})
    void decodesEveryByteExactlyAsTheJdkDecoderWithReplace(String name) throws IOException {
        Charset charset = Charset.forName(name);
        byte[] everyByte = new byte[256 * 3];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        Reader jdk = new InputStreamReader(new ByteArrayInputStream(everyByte), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));

        Reader table = SingleByteReader.of(new ByteArrayInputStream(everyByte), charset);

        assertThat(table).isNotNull();
        assertThat(readAll(table)).isEqualTo(readAll(jdk)).hasSize(everyByte.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16", "Shift_JIS"})
    void multiByteCharsetsAreLeftToTheJdk(String name) {
        assertThat(SingleByteReader.of(new ByteArrayInputStream(new byte[0]), Charset.forName(name))).isNull();
    }

    @org.junit.jupiter.api.Test
    void windows1250HasUndefinedBytesThatBecomeReplacementCharacters() throws IOException {
        Reader table = SingleByteReader.of(new ByteArrayInputStream(new byte[] {(byte) 0xB9, (byte) 0x98}),
                Charset.forName("windows-1250"));

        assertThat(readAll(table)).isEqualTo("ą\uFFFD");
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[100]; // smaller than the input: reads must continue across calls
        for (int n; (n = reader.read(buffer, 0, buffer.length)) > 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}

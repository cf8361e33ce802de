package dev.cuddlies.skill;

import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.maker.MakeResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The APL screen for a device with a display: the pattern's preview beside the stuffed toy (when it
 * was simulated), its size and pages.
 */
public final class PatternScreen {

    public static final String TOKEN = "cuddliePattern";
    private static final Map<String, Object> DOCUMENT = load();

    private PatternScreen() {
    }

    /** @param stuffedUrl {@code stuffed.png}; the screen shows the pattern alone without it */
    public static RenderDocumentDirective renderDocument(MakeResult.Made made, String previewUrl,
                                                         Optional<String> stuffedUrl) {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("title", "Your cuddlie pattern");
        pattern.put("preview", previewUrl);
        // APL hides an Image whose source is empty (the "when" in apl/pattern.json).
        pattern.put("stuffed", stuffedUrl.orElse(""));
        pattern.put("details", String.format(Locale.ROOT, "%.0f cm tall%s, %d %s pages. The PDF is in your Alexa app.",
                made.heightMm() / 10, made.stuffing().enlarged() ? " stuffed" : "", made.pdfPages(),
                Messages.paperWords(made.paper())));
        return RenderDocumentDirective.builder().withToken(TOKEN).withDocument(DOCUMENT)
                .withDatasources(Map.of("pattern", pattern)).build();
    }

    private static Map<String, Object> load() {
        try (InputStream in = PatternScreen.class.getResourceAsStream("/apl/pattern.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("apl/pattern.json missing from the build", e);
        }
    }
}

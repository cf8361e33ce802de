package dev.cuddlies.skill;

import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nayuki.qrcodegen.QrCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The APL screen that pairs a phone: a QR code that opens the page with the code filled in, the
 * address and the code. The QR code is drawn as an APL vector graphic (one path of dark modules), so
 * no image has to be hosted anywhere.
 */
public final class PairingScreen {

    public static final String TOKEN = "cuddliePairing";
    /** Light modules around the code, as the QR specification asks. */
    private static final int QUIET_ZONE_MODULES = 4;
    private static final Map<String, Object> DOCUMENT = load();

    private PairingScreen() {
    }

    /** @param pageWithCode the page's address with the code in its fragment (#code=123456) */
    public static RenderDocumentDirective renderDocument(URI pageWithCode, String address, String code) {
        Map<String, Object> document = new HashMap<>(DOCUMENT);
        document.put("graphics", Map.of("qr", qrGraphic(pageWithCode.toString())));
        Map<String, Object> pairing = Map.of("address", address, "code", code,
                "title", "Send a picture from your phone");
        return RenderDocumentDirective.builder().withToken(TOKEN).withDocument(document)
                .withDatasources(Map.of("pairing", pairing)).build();
    }

    /** An AVG (Alexa vector graphic) of the QR code: dark modules on a white square. */
    static Map<String, Object> qrGraphic(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = qr.size + 2 * QUIET_ZONE_MODULES;
        return Map.of("type", "AVG", "version", "1.2", "width", side, "height", side,
                "items", List.of(
                        Map.of("type", "path", "fill", "white", "pathData", "M0,0h" + side + "v" + side + "h-" + side + "z"),
                        Map.of("type", "path", "fill", "black", "pathData", darkModules(qr))));
    }

    /** One unit square per dark module: {@code M x,y h1 v1 h-1 z}. */
    static String darkModules(QrCode qr) {
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    d.append('M').append(x + QUIET_ZONE_MODULES).append(',').append(y + QUIET_ZONE_MODULES).append("h1v1h-1z");
                }
            }
        }
        return d.toString();
    }

    private static Map<String, Object> load() {
        try (InputStream in = PairingScreen.class.getResourceAsStream("/apl/pairing.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("apl/pairing.json missing from the build", e);
        }
    }
}

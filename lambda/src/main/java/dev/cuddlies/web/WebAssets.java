package dev.cuddlies.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The page's files, read once from the jar ({@code /web/}). */
public final class WebAssets {

    /** A file and its type. */
    public record Asset(String contentType, byte[] bytes) {
    }

    private static final Map<String, String> TYPES = Map.of("index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8", "app.css", "text/css; charset=utf-8");

    private final Map<String, Asset> files = new HashMap<>();

    public static WebAssets load() {
        WebAssets a = new WebAssets();
        TYPES.forEach((name, type) -> {
            try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("web/" + name + " is missing from the build");
                }
                a.files.put(name, new Asset(type, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return a;
    }

    Asset get(String name) {
        return files.get(name);
    }

    Optional<Asset> find(String name) {
        return Optional.ofNullable(files.get(name));
    }
}

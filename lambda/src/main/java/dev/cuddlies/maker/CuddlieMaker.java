package dev.cuddlies.maker;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineJson;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.PatternException;
import dev.cuddlies.pattern.PatternFiles;
import dev.cuddlies.pattern.PatternMaker;
import dev.cuddlies.pattern.PatternOutcome;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.pattern.Piece;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The shared core: the user's newest picture becomes a stored pattern, and only then is the picture
 * deleted. If anything fails before the pattern is safely stored and read back, the picture stays
 * and no partial pattern is left behind.
 */
public final class CuddlieMaker {

    private static final Logger LOG = LoggerFactory.getLogger(CuddlieMaker.class);
    private static final DateTimeFormatter PATTERN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            PatternFiles.PDF, "application/pdf", PatternFiles.SVG, "image/svg+xml",
            PatternFiles.JSON, "application/json", PatternFiles.DXF, "image/vnd.dxf",
            PatternFiles.CUT_SVG, "image/svg+xml", PatternFiles.OUTLINE, "application/json",
            PatternFiles.PREVIEW, "image/png", PatternFiles.STUFFED, "image/png", MadeAt.FILE, "application/json");

    /** Tells the user something while the slow part runs (Alexa's progressive response). */
    @FunctionalInterface
    public interface Progress {
        void say(String speech);
    }

    /**
     * Limits of one run.
     *
     * @param maxPictureBytes pictures larger than this are refused before download
     * @param storageCall     cap for one storage call
     * @param outlineCall     cap for the outline call
     * @param linkValidity    how long the PDF and preview links work
     * @param stuffingCall    cap for the stuffing stage (it stops its rounds at its deadline)
     * @param afterStuffing   what the rest of the make needs after stuffing (sewability rules, drawing the
     *                        files, storing and reading them back): stuffing gets only the time left
     *                        after this, and is not run with less than it needs
     */
    public record Limits(long maxPictureBytes, Duration storageCall, Duration outlineCall, Duration linkValidity,
                         Duration stuffingCall, Duration afterStuffing) {
        public static Limits defaults() {
            return new Limits(15L * 1024 * 1024, Duration.ofMillis(1500), Duration.ofMillis(4500), Duration.ofDays(7),
                    Duration.ofMillis(2500), Duration.ofMillis(3000));
        }
    }

    private final BlobStore store;
    private final OutlineService outlines;
    private final PatternMaker patterns;
    private final UserKeys userKeys;
    private final Limits limits;
    private final Clock clock;

    public CuddlieMaker(BlobStore store, OutlineService outlines, UserKeys userKeys, Limits limits, Clock clock) {
        this.store = store;
        this.outlines = outlines;
        this.patterns = new PatternMaker();
        this.userKeys = userKeys;
        this.limits = limits;
        this.clock = clock;
    }

    public MakeResult make(String alexaUserId, PatternRequest request, PatternSpec baseSpec, Budget budget,
                           Progress progress) {
        String userKey = userKeys.of(alexaUserId);
        StoredObject picture;
        byte[] bytes;
        try {
            Optional<StoredObject> newest = newestPicture(userKey, budget);
            if (newest.isEmpty()) {
                return new MakeResult.NoPicture();
            }
            picture = newest.get();
            bytes = store.get(picture.key(), limits.maxPictureBytes(), budget.forCall(limits.storageCall()));
        } catch (StorageException e) {
            return storageFailure(e, "your pictures");
        }

        progress.say("Tracing your picture. This takes a few seconds.");
        Outline outline;
        try {
            outline = outlines.trace(bytes, budget.forCall(limits.outlineCall()));
        } catch (OutlineException e) {
            return new MakeResult.PictureRefused(e.reason(), e.getMessage());
        } catch (OutlineService.ServiceException e) {
            LOG.warn("outline service failed: {}", e.getMessage());
            return e.timedOut() ? new MakeResult.TooSlow("the pattern maker") : new MakeResult.Unavailable("the pattern maker");
        }

        return patternFrom(outline, request, baseSpec, budget, userKey, Optional.of(picture));
    }

    /**
     * A new pattern from the outline stored with an earlier one (another size or paper), without a
     * picture: {@code patternId}'s outline, or the newest stored one when empty or not found. The size
     * is {@code resize} of the height that pattern was made at ({@link MadeAt}), the paper {@code paper},
     * else that pattern's, else {@code baseSpec}'s.
     */
    public MakeResult remake(String alexaUserId, Optional<String> patternId, Resize resize, Optional<Paper> paper,
                             PatternSpec baseSpec, Budget budget) {
        String userKey = userKeys.of(alexaUserId);
        Outline outline;
        Optional<MadeAt> madeAt;
        try {
            Optional<String> key = storedOutline(userKey, patternId, budget);
            if (key.isEmpty()) {
                return new MakeResult.NoPattern();
            }
            byte[] json = store.get(key.get(), limits.maxPictureBytes(), budget.forCall(limits.storageCall()));
            outline = OutlineJson.read(new String(json, StandardCharsets.UTF_8));
            madeAt = madeAt(key.get().substring(0, key.get().length() - PatternFiles.OUTLINE.length()), budget);
        } catch (StorageException e) {
            return storageFailure(e, "your patterns");
        } catch (IOException e) {
            LOG.error("stored outline could not be read", e);
            return new MakeResult.NoPattern();
        }
        // A pattern stored before made.json existed: its size is unknown, so the standard height.
        PatternRequest request = resize.from(madeAt.map(MadeAt::heightMm).orElse(PatternRequest.MEDIUM_MM));
        Paper newPaper = paper.or(() -> madeAt.map(MadeAt::paper)).orElse(baseSpec.paper());
        return patternFrom(outline, request, baseSpec.withPaper(newPaper), budget, userKey, Optional.empty());
    }

    /** The size a stored pattern was made at; empty when it has no readable {@link MadeAt#FILE}. */
    private Optional<MadeAt> madeAt(String prefix, Budget budget) throws StorageException {
        try {
            return Optional.of(MadeAt.read(store.get(prefix + MadeAt.FILE, 4096, budget.forCall(limits.storageCall()))));
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.NOT_FOUND) {
                throw e;
            }
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("{} unreadable, remade from the standard height: {}", MadeAt.FILE, e.getMessage());
            return Optional.empty();
        }
    }

    /** Builds, stores and reads back the pattern; only then deletes the picture, if there is one. */
    private MakeResult patternFrom(Outline outline, PatternRequest request, PatternSpec baseSpec, Budget budget,
                                   String userKey, Optional<StoredObject> picture) {
        PatternSpec spec = baseSpec.withHeightMm(request.heightMm());
        Pattern pattern;
        Map<String, byte[]> files;
        int pdfPages;
        try {
            PatternOutcome outcome = patterns.make(outline, spec, stuffingTime(budget));
            if (outcome instanceof PatternOutcome.NeedsBiggerSize bigger) {
                return new MakeResult.NeedsBiggerSize(bigger.requestedHeightMm(), bigger.keepsShapeAtMm());
            }
            pattern = ((PatternOutcome.Made) outcome).pattern();
            PatternFiles.Rendered rendered = PatternFiles.draw(outline, pattern);
            files = new LinkedHashMap<>(rendered.files());
            pdfPages = rendered.pdfPages();
            files.put(MadeAt.FILE, new MadeAt(request.heightMm(), spec.paper()).toJson());
        } catch (PatternException e) {
            return new MakeResult.NotSewable();
        } catch (IOException e) {
            LOG.error("pattern files could not be drawn", e);
            return new MakeResult.Unavailable("the pattern maker");
        }

        String patternId = PATTERN_ID.format(clock.instant()) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        String prefix = UserKeys.patternPrefix(userKey, patternId);
        try {
            storeAndVerify(prefix, files, budget);
        } catch (StorageException e) {
            removeQuietly(prefix, files.keySet(), budget);
            return storageFailure(e, "the pattern storage");
        }

        boolean pictureKept = picture.isPresent() && !deleteEveryUpload(userKey, picture.get(), budget);
        return new MakeResult.Made(patternId, pattern.toyHeightMm(), pattern.toyWidthMm(),
                pattern.pieces().stream().map(Piece::title).toList(), pattern.hasGusset(), pattern.sheets().sheetCount(),
                pdfPages,
                spec.paper(), pattern.changes(), outlineNotes(outline), request.limited(),
                link(prefix + PatternFiles.PDF), link(prefix + PatternFiles.PREVIEW),
                files.containsKey(PatternFiles.STUFFED) ? link(prefix + PatternFiles.STUFFED) : Optional.empty(),
                pattern.stuffing().status(), pictureKept,
                picture.isPresent() ? MakeResult.Source.PICTURE : MakeResult.Source.STORED_OUTLINE);
    }

    /**
     * The time stuffing may take: what is left of the answer's budget (capped) once the rest of the
     * make is provided for. Zero or too little and stuffing is not run: the spoken answer is never late for it.
     */
    private Duration stuffingTime(Budget budget) {
        Duration time = budget.forCall(limits.stuffingCall().plus(limits.afterStuffing())).minus(limits.afterStuffing());
        return time.isNegative() ? Duration.ZERO : time;
    }

    /** The stored outline of {@code patternId}, or the newest one. */
    private Optional<String> storedOutline(String userKey, Optional<String> patternId, Budget budget)
            throws StorageException {
        List<StoredObject> stored = store.list(UserKeys.patternsPrefix(userKey), budget.forCall(limits.storageCall()));
        List<StoredObject> outlines = stored.stream().filter(o -> o.key().endsWith("/" + PatternFiles.OUTLINE)).toList();
        if (patternId.isPresent()) {
            String wanted = UserKeys.patternPrefix(userKey, patternId.get()) + PatternFiles.OUTLINE;
            Optional<StoredObject> exact = outlines.stream().filter(o -> o.key().equals(wanted)).findFirst();
            if (exact.isPresent()) {
                return Optional.of(exact.get().key());
            }
        }
        // Pattern ids start with their UTC time, so the greatest key is the newest.
        return outlines.stream().map(StoredObject::key).max(Comparator.naturalOrder());
    }

    /**
     * Now that the pattern is safe, every picture of the user goes, not only the one traced: older
     * uploads would otherwise stay while Alexa says the picture was deleted.
     *
     * @return false when some picture could not be deleted (the lifecycle rule removes it within a day)
     */
    private boolean deleteEveryUpload(String userKey, StoredObject traced, Budget budget) {
        try {
            store.delete(traced.key(), budget.forCall(limits.storageCall()));
            for (StoredObject other : store.list(UserKeys.uploadsPrefix(userKey), budget.forCall(limits.storageCall()))) {
                store.delete(other.key(), budget.forCall(limits.storageCall()));
            }
            return true;
        } catch (StorageException e) {
            LOG.warn("picture not deleted after the pattern was stored: {}", e.kind());
            return false;
        }
    }

    private Optional<StoredObject> newestPicture(String userKey, Budget budget) throws StorageException {
        List<StoredObject> uploads = store.list(UserKeys.uploadsPrefix(userKey), budget.forCall(limits.storageCall()));
        return uploads.stream().max(Comparator.comparing(StoredObject::lastModified).thenComparing(StoredObject::key));
    }

    /** Writes every file, then reads each back and compares, before anything is deleted. */
    private void storeAndVerify(String prefix, Map<String, byte[]> files, Budget budget) throws StorageException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            store.put(prefix + f.getKey(), f.getValue(), CONTENT_TYPES.get(f.getKey()),
                    budget.forCall(limits.storageCall()));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            byte[] back = store.get(prefix + f.getKey(), f.getValue().length, budget.forCall(limits.storageCall()));
            if (!Arrays.equals(back, f.getValue())) {
                throw new StorageException(StorageException.Kind.UNAVAILABLE,
                        "read back " + f.getKey() + " differs from what was written", null);
            }
        }
    }

    private void removeQuietly(String prefix, Iterable<String> names, Budget budget) {
        for (String name : names) {
            try {
                store.delete(prefix + name, budget.forCall(limits.storageCall()));
            } catch (StorageException e) {
                LOG.warn("could not remove partial pattern file {}: {}", name, e.kind());
            }
        }
    }

    private Optional<URI> link(String key) {
        return store.readLink(key, limits.linkValidity());
    }

    private static List<String> outlineNotes(Outline outline) {
        List<String> notes = new ArrayList<>();
        for (Outline.Warning w : outline.warnings()) {
            switch (w.kind()) {
                case JOINED_PARTS, TOUCHES_EDGE, OTHER_DRAWINGS_LEFT_OUT -> notes.add(w.describe());
                default -> {
                    // filled holes, dropped specks, sheet and paper lines: expected, not worth a note
                }
            }
        }
        return notes;
    }

    private static MakeResult storageFailure(StorageException e, String what) {
        LOG.warn("storage failed: {} ({})", e.kind(), e.getMessage());
        if (e.kind() == StorageException.Kind.TOO_LARGE) {
            return new MakeResult.PictureRefused(OutlineException.Reason.TOO_LARGE, "the picture file is too large");
        }
        return e.kind() == StorageException.Kind.TIMEOUT ? new MakeResult.TooSlow(what) : new MakeResult.Unavailable(what);
    }
}

package dev.cuddlies.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.pattern.Change;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.stuffing.StuffingStatus;
import dev.cuddlies.warmth.Reading;
import dev.cuddlies.warmth.SafetyLimits;
import dev.cuddlies.warmth.WarmPlan;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.switches.DeviceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: no main answer over two sentences or 35 words. Measures every answer the fixtures produce:
 * every request envelope with and without a picture and a phone page, every intent of the model with
 * empty slots and with an offer open, the size questions, every warmth outcome (device problems and
 * failed stops included) in every locale, and every spoken message. {@link SkillHarness} measures each
 * answer it sees, so the other skill tests (warmth on the wire, pairing, the maker) are measured too.
 */
class EveryAnswerIsShortTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ENVELOPES = Path.of("src", "test", "resources", "envelopes");
    private static final Path MODEL = Path.of("..", "skill-package", "interactionModels", "custom", "en-US.json");
    private static final List<String> LOCALES = List.of("en-US", "en-CA", "en-GB", "en-AU", "en-IN");
    private static final URI PAGE = URI.create("https://cuddlies.app/go");

    @TempDir
    Path data;

    /** What was measured, for the printed coverage line. */
    private final List<String> measured = new ArrayList<>();

    private enum State { NO_PICTURE_NO_PAGE, NO_PICTURE_WITH_PAGE, PICTURE }

    @Test
    void everyEnvelopeAnswersShortlyWithAndWithoutAPictureAndAPage() throws Exception {
        int answers = 0;
        for (State state : State.values()) {
            Path dir = Files.createTempDirectory(data, state.name());
            String userKey = Services.create(AppConfig.local(dir), Clock.systemUTC()).userKeys().of(SkillHarness.USER_ID);
            try (SkillHarness skill = harness(dir, state != State.NO_PICTURE_NO_PAGE)) {
                for (String name : envelopes()) {
                    if (state == State.PICTURE) {
                        upload(dir, userKey);
                    }
                    skill.call(name);
                }
                answers += skill.measured();
            }
        }
        System.out.println("envelopes x states, spoken answers and reprompts measured: " + answers);
        assertThat(answers).isGreaterThanOrEqualTo(3 * (envelopes().size() - 1));
    }

    @Test
    void everyIntentOfTheModelWithEmptySlotsAndWithAnOfferOpenInEveryLocale() throws Exception {
        List<String> intents = new ArrayList<>();
        JSON.readTree(MODEL.toFile()).at("/interactionModel/languageModel/intents")
                .forEach(i -> intents.add(i.path("name").asText()));
        int answers = 0;
        try (SkillHarness skill = harness(data, true)) {
            for (String locale : LOCALES) {
                for (String intent : intents) {
                    skill.call(intentEnvelope(intent, locale, Map.of()));
                    skill.call(intentEnvelope(intent, locale, Map.of("offer", "DIFFERENT_SIZE",
                            "lastSpeech", "<speak>Your 30 centimetre pattern is in your Alexa app, on 4 A4 pages. "
                                    + "Want a different size?</speak>")));
                }
            }
            answers = skill.measured();
        }
        System.out.println(intents.size() + " intents x " + LOCALES.size() + " locales x 2 states, answers measured: " + answers);
        assertThat(answers).isGreaterThanOrEqualTo(intents.size() * LOCALES.size() * 2);
    }

    @Test
    void sizeQuestionsAreShortInEveryLocale() throws Exception {
        try (SkillHarness skill = harness(data, true)) {
            for (String locale : LOCALES) {
                // "make it 40": which unit?
                assertThat(speech(skill.call(intentEnvelope("ResizePatternIntent", locale, Map.of(),
                        Map.of("height", slot("height", "40", null)))))).contains("40");
                // A size, a change and a unit said but not understood: asked again.
                skill.call(intentEnvelope("MakeCuddlieIntent", locale, Map.of(), Map.of("size", slot("size", "enormousish", "NO_MATCH"))));
                skill.call(intentEnvelope("ResizePatternIntent", locale, Map.of(), Map.of("change", slot("change", "wider", "NO_MATCH"))));
                skill.call(intentEnvelope("ResizePatternIntent", locale, Map.of(),
                        Map.of("height", slot("height", "40", null), "unit", slot("unit", "cubits", "NO_MATCH"))));
            }
            System.out.println("size questions measured: " + skill.measured());
            assertThat(skill.measured()).isEqualTo(LOCALES.size() * 4 * 2);
        }
    }

    @Test
    void everyWarmthOutcomeIsShortInEveryLocale() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        Instant later = now.plus(Duration.ofMinutes(118));
        Optional<Reading> reading = Optional.of(new Reading(30.5, now));
        List<WarmthOutcome> outcomes = new ArrayList<>();
        for (List<WarmPlan.Limit> limits : List.of(List.<WarmPlan.Limit>of(), List.of(WarmPlan.Limit.TOO_HOT),
                List.of(WarmPlan.Limit.TOO_COOL), List.of(WarmPlan.Limit.TOO_LONG), List.of(WarmPlan.Limit.TOO_SHORT),
                List.of(WarmPlan.Limit.TOO_HOT, WarmPlan.Limit.TOO_LONG), List.of(WarmPlan.Limit.TOO_HOT, WarmPlan.Limit.TOO_SHORT),
                List.of(WarmPlan.Limit.TOO_COOL, WarmPlan.Limit.TOO_LONG), List.of(WarmPlan.Limit.TOO_COOL, WarmPlan.Limit.TOO_SHORT))) {
            for (Duration d : List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2))) {
                WarmPlan plan = new WarmPlan(38, d, limits, false);
                for (boolean heating : List.of(true, false)) {
                    for (Optional<Reading> r : List.of(Optional.<Reading>empty(), reading)) {
                        outcomes.add(new WarmthOutcome.Warming(plan, r, now.plus(d), heating));
                    }
                }
                outcomes.add(new WarmthOutcome.WarmingTimed(plan, now.plus(d)));
            }
        }
        List<WarmthOutcome.OffCheck> offChecks = new ArrayList<>();
        for (WarmthOutcome.Heater heater : WarmthOutcome.Heater.values()) {
            for (boolean mayComeBack : List.of(false, true)) {
                offChecks.add(new WarmthOutcome.OffCheck(heater, Optional.empty(), mayComeBack));
                offChecks.add(new WarmthOutcome.OffCheck(heater, Optional.of(later), mayComeBack));
            }
        }
        for (WarmthOutcome.OffCheck off : offChecks) {
            outcomes.add(new WarmthOutcome.TooHot(reading.get(), off));
            outcomes.add(new WarmthOutcome.NoReading(off));
            outcomes.add(new WarmthOutcome.NotStarted(false, Optional.of(off)));
            outcomes.add(new WarmthOutcome.NotStarted(true, Optional.of(off)));
            for (DeviceException.Kind kind : DeviceException.Kind.values()) {
                outcomes.add(new WarmthOutcome.DeviceProblem(kind, "Sonoff", off));
            }
        }
        for (DeviceException.Kind kind : DeviceException.Kind.values()) {
            outcomes.add(new WarmthOutcome.StopFailed(kind, Optional.empty()));
            outcomes.add(new WarmthOutcome.StopFailed(kind, Optional.of(later)));
            outcomes.add(new WarmthOutcome.Unknown(kind));
        }
        outcomes.add(new WarmthOutcome.UnclearDegrees(SafetyLimits.defaults()));
        outcomes.add(new WarmthOutcome.CannotHeatSafely("IFTTT"));
        outcomes.add(new WarmthOutcome.NotStarted(false, Optional.empty()));
        outcomes.add(new WarmthOutcome.Stopped(true));
        outcomes.add(new WarmthOutcome.Stopped(false));
        for (boolean heating : List.of(true, false)) {
            for (Optional<Reading> r : List.of(Optional.<Reading>empty(), reading)) {
                outcomes.add(new WarmthOutcome.On(35, later, r, heating));
            }
        }
        outcomes.add(new WarmthOutcome.OnTimed(later));
        outcomes.add(new WarmthOutcome.Off(Optional.empty()));
        outcomes.add(new WarmthOutcome.Off(reading));
        outcomes.add(new WarmthOutcome.OffPending(Optional.empty()));
        outcomes.add(new WarmthOutcome.OffPending(Optional.of(later)));
        outcomes.add(new WarmthOutcome.OnWithoutSession(Optional.empty()));
        outcomes.add(new WarmthOutcome.OnWithoutSession(reading));

        for (String tag : LOCALES) {
            Locale locale = Locale.forLanguageTag(tag);
            // Times said as minutes from now, and as clock times where the Echo's zone is known.
            for (WarmthMessages.When when : List.of(new WarmthMessages.When(now, Optional.empty(), locale),
                    new WarmthMessages.When(now, Optional.of(ZoneId.of("America/Los_Angeles")), locale))) {
                for (WarmthOutcome o : outcomes) {
                    measure(WarmthMessages.say(o, when));
                    for (Optional<Duration> estimate : List.of(Optional.<Duration>empty(), Optional.of(Duration.ZERO),
                            Optional.of(Duration.ofMinutes(12)))) {
                        measure(WarmthMessages.timeToWarm(o, estimate, when));
                    }
                }
                measure(WarmthMessages.goodbyeWhileWarming(later, when));
            }
        }
        measure(WarmthMessages.NO_HEATER);
        System.out.println(outcomes.size() + " warmth outcomes x " + LOCALES.size() + " locales x 2 clocks, sentences measured: "
                + measured.size());
        assertThat(measured).hasSizeGreaterThan(outcomes.size() * LOCALES.size() * 2 * 4);
    }

    @Test
    void everySpokenMessageIsShort() throws Exception {
        int constants = 0;
        for (Field f : Messages.class.getFields()) {
            boolean spoken = Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && !f.getName().contains("CARD") && !f.getName().equals("SKILL_NAME");
            if (spoken) {
                measure((String) f.get(null));
                constants++;
            }
        }
        assertThat(constants).as("spoken constants in Messages").isGreaterThan(10);
        for (String tag : LOCALES) {
            Locale locale = Locale.forLanguageTag(tag);
            measure(Messages.help(locale));
            measure(Messages.askNewSize(locale));
            measure(Messages.askUnit(locale));
            measure(Messages.askUnit(40, locale));
            measure(Messages.askUnit(12.5, locale));
            for (boolean limited : List.of(false, true)) {
                for (int sheets : List.of(1, 12)) {
                    for (Paper paper : Paper.values()) {
                        for (boolean changed : List.of(false, true)) {
                            measure(Messages.made(made(limited, sheets, paper, changed), locale) + " " + Messages.OFFER_SIZE);
                        }
                    }
                }
            }
            measure(Messages.needsBiggerSize(new MakeResult.NeedsBiggerSize(101.6, OptionalDouble.of(254)), locale));
        }
        for (OutlineException.Reason reason : OutlineException.Reason.values()) {
            measure(Messages.refused(reason));
        }
        measure(Messages.notSewable());
        measure(Messages.tooSlow());
        measure(Messages.unavailable());
        for (boolean noPictureYet : List.of(true, false)) {
            measure(Messages.pairing(PAGE, "471926", noPictureYet));
        }
        System.out.println("spoken messages measured: " + measured.size());
    }

    private void measure(String speech) {
        AnswerLength.of(speech).assertShort();
        measured.add(speech);
    }

    private static MakeResult.Made made(boolean limited, int sheets, Paper paper, boolean changed) {
        List<Change> changes = changed ? List.of(new Change(Change.Kind.WIDENED, 2), new Change(Change.Kind.CORD, 1))
                : List.of();
        return new MakeResult.Made("20261130-100000-abcd", limited ? PatternRequest.MAX_MM : 304.8, 250,
                List.of("FRONT - cut 1", "BACK - cut 1"), changed, sheets, sheets + 2, paper, changes, List.of(), limited,
                Optional.empty(), Optional.empty(), Optional.empty(), StuffingStatus.COMPENSATED, false,
                MakeResult.Source.PICTURE);
    }

    private SkillHarness harness(Path dir, boolean withPage) throws IOException {
        AppConfig config = AppConfig.local(dir);
        if (withPage) {
            config = config.withWebUrl(PAGE);
        }
        return new SkillHarness(CuddliesSkill.build(config, Services.create(config, Clock.systemUTC()), Clock.systemUTC()));
    }

    private static void upload(Path dir, String userKey) throws IOException {
        Path picture = dir.resolve(UserKeys.uploadsPrefix(userKey) + "bear.png");
        Files.createDirectories(picture.getParent());
        Files.write(picture, TestPictures.bearPng());
    }

    /** Every envelope fixture but the one for another skill (refused before any handler runs). */
    private static List<String> envelopes() throws IOException {
        try (Stream<Path> files = Files.list(ENVELOPES)) {
            return files.map(p -> p.getFileName().toString().replace(".json", ""))
                    .filter(n -> !n.equals("wrong-skill-id")).sorted().toList();
        }
    }

    private static ObjectNode intentEnvelope(String intent, String locale, Map<String, String> session) throws IOException {
        return intentEnvelope(intent, locale, session, Map.of());
    }

    private static ObjectNode intentEnvelope(String intent, String locale, Map<String, String> session,
                                             Map<String, JsonNode> slots) throws IOException {
        ObjectNode envelope = SkillHarness.fixture("make-cuddlie");
        ObjectNode request = (ObjectNode) envelope.path("request");
        request.put("locale", locale);
        ObjectNode i = request.putObject("intent");
        i.put("name", intent).put("confirmationStatus", "NONE");
        ObjectNode s = i.putObject("slots");
        slots.forEach(s::set);
        ObjectNode attributes = ((ObjectNode) envelope.path("session")).putObject("attributes");
        session.forEach(attributes::put);
        return envelope;
    }

    /** A slot as Alexa sends it; {@code status} null for a built-in type (no resolutions). */
    private static JsonNode slot(String name, String value, String status) {
        ObjectNode slot = JSON.createObjectNode().put("name", name).put("value", value).put("confirmationStatus", "NONE");
        if (status != null) {
            slot.putObject("resolutions").putArray("resolutionsPerAuthority").addObject()
                    .put("authority", "amzn1.er-authority.echo-sdk.test").putObject("status").put("code", "ER_SUCCESS_" + status);
        }
        return slot;
    }

    private static String speech(JsonNode answer) {
        return SkillHarness.speech(answer);
    }
}

package dev.cuddlies.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.dispatcher.request.handler.impl.IntentRequestHandler;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.smapi.model.v1.skill.Manifest.SkillManifestEnvelope;
import com.amazon.ask.smapi.model.v1.skill.interactionModel.InteractionModelData;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skill package read with the official SMAPI model classes, unknown properties failing, and the
 * interaction models checked against the handlers: every intent is handled, every handler is used.
 */
class SkillPackageTest {

    private static final Path PACKAGE = Path.of("..", "skill-package");
    private static final List<String> LOCALES = List.of("en-US", "en-GB", "en-CA", "en-AU", "en-IN");

    private final ObjectMapper strict = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addHandler(new DeserializationProblemHandler() {
                // The SMAPI interface and slot-validation classes read "type" as their polymorphic
                // discriminator and also hand it on to builders that have no such field; any other
                // unknown property fails.
                @Override
                public boolean handleUnknownProperty(DeserializationContext ctx, JsonParser p,
                                                     JsonDeserializer<?> deserializer, Object bean, String name)
                        throws java.io.IOException {
                    if (name.equals("type") && bean != null && (bean.getClass().getName().contains("Interface")
                            || isSlotValidationBuilder(bean.getClass()))) {
                        p.skipChildren();
                        return true;
                    }
                    return false;
                }
            });

    @TempDir
    Path data;

    @Test
    void skillManifestIsValidAndDeclaresAplAndExamplePhrases() throws Exception {
        SkillManifestEnvelope manifest = strict.readValue(PACKAGE.resolve("skill.json").toFile(), SkillManifestEnvelope.class);

        var publishing = manifest.getManifest().getPublishingInformation();
        assertThat(publishing.getLocales()).containsOnlyKeys(LOCALES);
        publishing.getLocales().values().forEach(l -> assertThat(l.getExamplePhrases())
                .isNotEmpty().allMatch(p -> p.startsWith("Alexa, ask cuddly maker")));
        assertThat(manifest.getManifest().getApis().getCustom().getInterfaces())
                .anySatisfy(i -> assertThat(i.getType()).isEqualTo("ALEXA_PRESENTATION_APL"));
        assertThat(manifest.getManifest().getPrivacyAndCompliance().getLocales().get("en-US").getPrivacyPolicyUrl())
                .contains("PLACEHOLDER");
        JsonNode resources = new ObjectMapper().readTree(Path.of("..", "ask-resources.json").toFile());
        assertThat(resources.at("/profiles/default/skillMetadata/src").asText()).isEqualTo("./skill-package");
    }

    @Test
    void everyLocaleHasAValidModelWithTheInvocationNameAndRequiredIntents() throws Exception {
        try (Stream<Path> files = Files.list(PACKAGE.resolve("interactionModels/custom"))) {
            assertThat(files.map(p -> p.getFileName().toString().replace(".json", ""))).containsExactlyInAnyOrderElementsOf(LOCALES);
        }
        for (String locale : LOCALES) {
            InteractionModelData model = model(locale);
            var language = model.getInteractionModel().getLanguageModel();
            assertThat(language.getInvocationName()).isEqualTo("cuddly maker");
            assertThat(intentNames(model)).contains("AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent",
                    "AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent", "MakeCuddlieIntent");
            language.getIntents().stream().filter(i -> !i.getName().startsWith("AMAZON.")).forEach(i -> {
                assertThat(i.getSamples()).as(i.getName() + " samples").hasSizeGreaterThan(10);
                i.getSamples().forEach(s -> assertThat(s).as("sample of " + i.getName())
                        .doesNotContainPattern("[0-9]").doesNotContain("cuddly maker"));
            });
        }
    }

    @Test
    void everyIntentHasAHandlerAndEveryHandlerAnIntent() throws Exception {
        AppConfig config = AppConfig.local(data);
        List<RequestHandler> handlers = CuddliesSkill.handlers(config, Services.create(config, Clock.systemUTC()), Clock.systemUTC());
        List<IntentRequestHandler> intentHandlers = handlers.stream().filter(IntentRequestHandler.class::isInstance)
                .map(IntentRequestHandler.class::cast).toList();
        List<IntentRequestHandler> used = new ArrayList<>();
        for (String locale : LOCALES) {
            for (String intent : intentNames(model(locale))) {
                List<IntentRequestHandler> matching = intentHandlers.stream()
                        .filter(h -> h.canHandle(input(intent), request(intent))).toList();
                assertThat(matching).as("handlers for " + intent + " in " + locale).hasSize(1);
                used.addAll(matching);
            }
        }
        assertThat(intentHandlers).as("handlers without an intent").allMatch(used::contains);
    }

    private static boolean isSlotValidationBuilder(Class<?> type) {
        return type.getEnclosingClass() != null
                && com.amazon.ask.smapi.model.v1.skill.interactionModel.SlotValidation.class.isAssignableFrom(type.getEnclosingClass());
    }

    private InteractionModelData model(String locale) throws Exception {
        return strict.readValue(PACKAGE.resolve("interactionModels/custom/" + locale + ".json").toFile(),
                InteractionModelData.class);
    }

    private static List<String> intentNames(InteractionModelData model) {
        return model.getInteractionModel().getLanguageModel().getIntents().stream()
                .map(com.amazon.ask.smapi.model.v1.skill.interactionModel.Intent::getName).toList();
    }

    private static IntentRequest request(String intent) {
        return IntentRequest.builder().withRequestId("r").withLocale("en-US")
                .withIntent(Intent.builder().withName(intent).build()).build();
    }

    private static HandlerInput input(String intent) {
        return HandlerInput.builder().withRequestEnvelope(RequestEnvelope.builder().withRequest(request(intent)).build())
                .build();
    }

}

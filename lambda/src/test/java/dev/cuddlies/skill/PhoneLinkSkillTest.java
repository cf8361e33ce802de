package dev.cuddlies.skill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.web.PairingCodes;
import dev.cuddlies.web.PairingOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.cuddlies.skill.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

/** With a phone page configured: no picture means a code for the page, and cards link the page. */
class PhoneLinkSkillTest {

    private static String plain(String ssml) {
        return ssml.replaceAll("</?speak>", "");
    }

    private static final Pattern SPOKEN_CODE = Pattern.compile("enter the code ((?:\\d ){5}\\d)\\.");

    @TempDir
    Path data;

    private SkillHarness skill;
    private Services services;
    private String userKey;

    @BeforeEach
    void build() throws Exception {
        AppConfig config = AppConfig.local(data).withWebUrl(URI.create("https://cuddlies.app/go"));
        services = Services.create(config, Clock.systemUTC());
        skill = new SkillHarness(CuddliesSkill.build(config, services, Clock.systemUTC()));
        userKey = services.userKeys().of(SkillHarness.USER_ID);
    }

    @AfterEach
    void close() {
        skill.close();
    }

    @Test
    void makeCuddlieWithoutAPictureSaysWhereToGoAndAWorkingCodeInTwoSentences() throws Exception {
        JsonNode a = skill.call("make-cuddlie");

        String said = plain(speech(a));
        assertThat(said).startsWith("I don't have a picture from you yet. On your phone, open cuddlies dot app slash go and "
                + "enter the code ");
        assertThat(said.split("(?<=\\.)\\s+")).hasSize(2);
        Matcher m = SPOKEN_CODE.matcher(said);
        assertThat(m.find()).isTrue();
        String code = m.group(1).replace(" ", "");
        assertThat(a.path("response").path("card").path("content").asText())
                .contains("open cuddlies.app/go and enter the code " + code);
        PairingCodes codes = new PairingCodes(services.store(), services.userKeys(), Clock.systemUTC());
        assertThat(codes.redeem(code, "192.0.2.1")).isInstanceOfSatisfying(PairingOutcome.Paired.class,
                p -> assertThat(p.userKey()).isEqualTo(userKey));
    }

    @Test
    void linkMyPhoneOnAScreenShowsAQrCodeOfThePageWithTheCode() throws Exception {
        ObjectNode envelope = SkillHarness.fixture("make-cuddlie-apl");
        ((ObjectNode) envelope.path("request").path("intent")).put("name", "LinkPhoneIntent");
        ((ObjectNode) envelope.path("request").path("intent")).remove("slots");

        JsonNode a = skill.call(envelope);

        assertThat(plain(speech(a))).matches("On your phone, open cuddlies dot app slash go and enter the code (\\d ){5}\\d\\. "
                + "It works for ten minutes\\.");
        JsonNode directive = a.path("response").path("directives").get(0);
        assertThat(directive.path("type").asText()).isEqualTo("Alexa.Presentation.APL.RenderDocument");
        JsonNode qr = directive.path("document").path("graphics").path("qr");
        assertThat(qr.path("type").asText()).isEqualTo("AVG");
        assertThat(qr.path("items").get(1).path("pathData").asText()).startsWith("M4,4h1v1h-1z");
        assertThat(directive.path("datasources").path("pairing").path("code").asText()).matches("\\d{6}");
        assertThat(directive.path("datasources").path("pairing").path("address").asText()).isEqualTo("cuddlies.app/go");
        assertThat(a.toString()).doesNotContain(SkillHarness.USER_ID);
    }

    @Test
    void makingACuddlieDeletesEveryUploadAndTheCardLinksThePage() throws Exception {
        Path uploads = data.resolve(UserKeys.uploadsPrefix(userKey));
        Files.createDirectories(uploads);
        Files.write(uploads.resolve("20261129-090000-old.png"), TestPictures.bearPng());
        Files.write(uploads.resolve("20261130-090000-new.png"), TestPictures.bearPng());

        JsonNode a = skill.call("make-cuddlie");

        assertThat(speech(a)).contains("pattern is in your Alexa app");
        assertThat(uploads).doesNotExist();
        assertThat(a.path("response").path("card").path("text").asText())
                .contains("Your picture has been deleted")
                .contains("Download the PDF and SVG: https://cuddlies.app/go").doesNotContain("valid for 7 days");
    }
}

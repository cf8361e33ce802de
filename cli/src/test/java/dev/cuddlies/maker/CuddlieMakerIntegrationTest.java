package dev.cuddlies.maker;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cuddlies.FaultyProxy;
import dev.cuddlies.FaultyProxy.Fault;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.pattern.PatternSpec;
import dev.cuddlies.records.SourceResolver;
import dev.cuddlies.serve.Invocations;
import dev.cuddlies.serve.SageMakerServer;
import dev.cuddlies.serve.ServerConfig;
import dev.cuddlies.skill.CuddliesSkill;
import dev.cuddlies.skill.SkillHarness;
import dev.cuddlies.storage.S3BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static dev.cuddlies.skill.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skill end to end with the real AWS SDK clients: S3 against S3Mock in-process, SageMaker runtime
 * against the project's own model server, each behind a loopback proxy that can fail or stall.
 */
class CuddlieMakerIntegrationTest {

    private static final String BUCKET = "cuddlies-test";

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withInitialBuckets(BUCKET).build();

    private static SageMakerServer model;
    private static FaultyProxy s3Proxy;
    private static FaultyProxy modelProxy;
    private static S3Client s3;
    private static SageMakerRuntimeClient sageMaker;

    private SkillHarness skill;
    private CuddlieMaker maker;
    private String userKey;

    @BeforeAll
    static void startServers() throws Exception {
        model = SageMakerServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0),
                new Invocations(OutlineConfig.defaults(), ServerConfig.DEFAULT_MAX_PAYLOAD_BYTES, SourceResolver.none()));
        s3Proxy = new FaultyProxy(URI.create("http://127.0.0.1:" + S3.getHttpPort()));
        modelProxy = new FaultyProxy(URI.create("http://127.0.0.1:" + model.port()));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        s3 = S3Client.builder().endpointOverride(s3Proxy.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        sageMaker = SageMakerRuntimeClient.builder().endpointOverride(modelProxy.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stopServers() {
        s3.close();
        sageMaker.close();
        s3Proxy.close();
        modelProxy.close();
        model.close();
    }

    @BeforeEach
    void buildSkill() throws Exception {
        s3Proxy.heal();
        modelProxy.heal();
        for (S3Object o : s3.listObjectsV2(r -> r.bucket(BUCKET)).contents()) {
            s3.deleteObject(r -> r.bucket(BUCKET).key(o.key()));
        }
        S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create("https://s3.example.test"))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("test", "test")))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        S3BlobStore store = new S3BlobStore(s3, presigner, BUCKET);
        UserKeys keys = new UserKeys("integration-test-secret-0123456789".getBytes());
        maker = new CuddlieMaker(store, new SageMakerOutlineService(sageMaker, "cuddlies-outline"), keys,
                CuddlieMaker.Limits.defaults(), Clock.systemUTC());
        Services services = new Services(store, null, keys, maker);
        skill = new SkillHarness(CuddliesSkill.build(AppConfig.local(java.nio.file.Path.of("unused")), services,
                Clock.systemUTC()));
        userKey = keys.of(SkillHarness.USER_ID);
    }

    @AfterEach
    void closeSkill() {
        skill.close();
    }

    private String upload(byte[] picture) {
        String key = UserKeys.uploadsPrefix(userKey) + "picture.png";
        s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(picture));
        return key;
    }

    private List<String> keys() {
        return s3.listObjectsV2(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key).sorted().toList();
    }

    @Test
    void happyPathLeavesExactlyThePatternFilesAndNoPicture() throws Exception {
        upload(TestPictures.bearPng());

        JsonNode a = skill.call("make-cuddlie");

        assertThat(speech(a)).contains("Your 30 centimetre pattern is in your Alexa app");
        List<String> keys = keys();
        assertThat(keys).hasSize(9).allMatch(k -> k.startsWith("patterns/" + userKey + "/"));
        assertThat(keys).extracting(k -> k.substring(k.lastIndexOf('/') + 1))
                .containsExactly("made.json", "outline.json", "pattern-cut.svg", "pattern.dxf", "pattern.json",
                        "pattern.pdf", "pattern.svg", "preview.png", "stuffed.png");
        assertThat(a.path("response").path("card").path("image").path("largeImageUrl").asText())
                .startsWith("https://s3.example.test/" + BUCKET + "/patterns/").contains("X-Amz-Signature=");
    }

    @Test
    void s3FailingWhileStoringThePatternKeepsThePictureAndLeavesNoPartialPattern() throws Exception {
        String picture = upload(TestPictures.bearPng());
        s3Proxy.fail(Fault.ERROR_500, line -> line.startsWith("PUT /" + BUCKET + "/patterns/")
                && line.endsWith("preview.png"));

        JsonNode a = skill.call("make-cuddlie");

        assertThat(speech(a)).contains("Your picture is safe").contains("try again in a minute");
        assertThat(keys()).containsExactly(picture);
    }

    @Test
    void s3TooSlowIsExplainedAndNothingChanges() throws Exception {
        String picture = upload(TestPictures.bearPng());
        s3Proxy.delayBy(Duration.ofMillis(2500), line -> line.startsWith("GET /" + BUCKET));

        JsonNode a = skill.call("make-cuddlie");

        assertThat(speech(a)).contains("try again in a minute");
        s3Proxy.heal();
        assertThat(keys()).containsExactly(picture);
    }

    @Test
    void aSpentTimeBudgetIsTooSlowNotAnError() throws Exception {
        String picture = upload(TestPictures.bearPng());
        Budget spent = new Budget(Clock.systemUTC(), Duration.ZERO, Duration.ZERO);

        MakeResult r = maker.make(SkillHarness.USER_ID, PatternRequest.standard(), PatternSpec.defaults(), spent,
                speech -> { });

        assertThat(r).isInstanceOf(MakeResult.TooSlow.class);
        assertThat(keys()).containsExactly(picture);
    }

    @Test
    void endpointFailingKeepsThePicture() throws Exception {
        String picture = upload(TestPictures.bearPng());
        modelProxy.fail(Fault.ERROR_500, line -> true);

        JsonNode a = skill.call("make-cuddlie");

        assertThat(speech(a)).contains("couldn't reach the pattern maker").contains("Your picture is safe");
        assertThat(keys()).containsExactly(picture);
    }

    @Test
    void endpointTooSlowForAlexaSaysTryAgainInAMinute() throws Exception {
        String picture = upload(TestPictures.bearPng());
        modelProxy.delayBy(Duration.ofSeconds(6), line -> true);

        JsonNode a = skill.call("make-cuddlie");

        assertThat(speech(a)).contains("taking longer than usual").contains("try again in a minute");
        assertThat(keys()).containsExactly(picture);
    }

    @Test
    void corruptAndFigureLessPicturesAreExplainedAndKept() throws Exception {
        byte[] png = TestPictures.bearPng();
        String corrupt = upload(java.util.Arrays.copyOf(png, png.length / 3));
        assertThat(speech(skill.call("make-cuddlie"))).contains("damaged or only half uploaded");
        assertThat(keys()).containsExactly(corrupt);

        String blank = upload(TestPictures.encode(TestPictures.blank(300, 300), "png"));
        assertThat(speech(skill.call("make-cuddlie"))).contains("couldn't find a figure");
        assertThat(keys()).containsExactly(blank);
    }
}

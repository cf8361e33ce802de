package dev.cuddlies.bench;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.maker.CuddlieMaker;
import dev.cuddlies.maker.SageMakerOutlineService;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.records.SourceResolver;
import dev.cuddlies.serve.Invocations;
import dev.cuddlies.serve.SageMakerServer;
import dev.cuddlies.serve.ServerConfig;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.SwitchSettings;
import dev.cuddlies.config.WarmthSettings;
import dev.cuddlies.config.Services;
import dev.cuddlies.skill.CuddliesSkill;
import dev.cuddlies.skill.SkillHarness;
import dev.cuddlies.storage.S3BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The skill's latency against a local S3 (S3Mock) and the model server: cold, in a fresh JVM running
 * {@code cuddlies.jar invoke} as Lambda would, then warm, end to end in this JVM. Run with
 * {@code scripts/bench-skill.sh}; prints Markdown for docs/benchmarks.md.
 */
public final class SkillBench {

    private static final String BUCKET = "cuddlies-bench";
    private static final String SECRET = "bench-secret-0123456789abcdef";
    private static final String SKILL_ID = "amzn1.ask.skill.cuddlies-bench";

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "lambda/target/cuddlies.jar");
        S3MockExtension s3mock = S3MockExtension.builder().silent().withInitialBuckets(BUCKET).build();
        s3mock.start();
        SageMakerServer model = SageMakerServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0),
                new Invocations(OutlineConfig.defaults(), ServerConfig.DEFAULT_MAX_PAYLOAD_BYTES, SourceResolver.none()));
        URI s3Endpoint = URI.create("http://127.0.0.1:" + s3mock.getHttpPort());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        try (S3Client s3 = S3Client.builder().endpointOverride(s3Endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            UserKeys keys = new UserKeys(SECRET.getBytes(StandardCharsets.UTF_8));
            byte[] picture = TestPictures.encode(TestPictures.bear(1000, 1200), "png");
            String uploadKey = UserKeys.uploadsPrefix(keys.of(SkillHarness.USER_ID)) + "bench.png";
            Path dir = Files.createTempDirectory("skill-bench");
            Files.writeString(dir.resolve("launch.json"), envelope("launch").toString());
            Files.writeString(dir.resolve("make.json"), envelope("make-cuddlie").toString());

            System.out.printf(Locale.ROOT, "Measured %s, %d cores, Java %s; local S3 = S3Mock, endpoint = the model "
                            + "server, both on loopback.%n%n", LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.println("| cold run | handler built | LaunchRequest answered | MakeCuddlieIntent answered | stuffing |");
            System.out.println("|---|---:|---:|---:|---|");
            for (int run = 1; run <= 3; run++) {
                s3.putObject(r -> r.bucket(BUCKET).key(uploadKey), RequestBody.fromBytes(picture));
                List<String> lines = coldRun(jar, dir, s3Endpoint, model.port());
                System.out.printf("| %d | %s | %s | %s | %s |%n", run, after(lines, "init:"), after(lines, "launch.json:"),
                        after(lines, "make.json:"), newestStuffing(s3, keys));
            }

            S3BlobStore store = new S3BlobStore(s3, S3Presigner.builder().endpointOverride(s3Endpoint)
                    .region(Region.US_EAST_1).credentialsProvider(credentials).build(), BUCKET);
            try (SageMakerRuntimeClient sm = SageMakerRuntimeClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + model.port())).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
                 SkillHarness skill = new SkillHarness(CuddliesSkill.build(
                         new AppConfig(SKILL_ID, java.util.Optional.of(BUCKET), dir, java.util.Optional.empty(),
                                 "us-east-1", java.util.Optional.empty(), java.util.Optional.empty(),
                                 java.util.Optional.empty(), AppConfig.DEFAULT_ANSWER_BUDGET, java.util.Optional.empty(),
                                 new SwitchSettings.None(), java.util.Optional.empty(), java.util.Optional.empty(),
                                 WarmthSettings.defaults(WarmthSettings.CLOUD_CONTROL_STEP)),
                         new Services(store, null, keys, new CuddlieMaker(store,
                                 new SageMakerOutlineService(sm, "bench"), keys, CuddlieMaker.Limits.defaults(),
                                 Clock.systemUTC())), Clock.systemUTC()))) {
                ObjectNode make = envelope("make-cuddlie");
                long[] times = new long[20];
                for (int i = -5; i < times.length; i++) {
                    s3.putObject(r -> r.bucket(BUCKET).key(uploadKey), RequestBody.fromBytes(picture));
                    long t0 = System.nanoTime();
                    String speech = SkillHarness.speech(skill.call(make));
                    if (!speech.contains("pattern is in your Alexa app")) {
                        throw new IllegalStateException("unexpected answer: " + speech);
                    }
                    if (i >= 0) {
                        times[i] = System.nanoTime() - t0;
                    }
                }
                Map<String, Integer> statuses = new java.util.TreeMap<>();
                // The status of the last run only is read back (the bench keeps one pattern per run).
                statuses.merge(newestStuffing(s3, keys), 1, Integer::sum);
                Arrays.sort(times);
                System.out.printf(Locale.ROOT, "%nWarm MakeCuddlieIntent, end to end (list, download, invoke endpoint, "
                                + "pattern with stuffing, every file uploaded and read back, delete): median %.0f ms, p90 %.0f ms, max %.0f ms (20 runs after 5 warm-up).%n",
                        times[10] / 1e6, times[18] / 1e6, times[19] / 1e6);
                System.out.printf(Locale.ROOT, "Stuffing status of the last warm run's pattern.json: %s.%n", statuses.keySet());
            }
        } finally {
            model.close();
            s3mock.stop();
        }
    }

    /** The stuffing status in the newest pattern.json of the bench user, e.g. "compensated" or "no_time". */
    private static String newestStuffing(S3Client s3, UserKeys keys) throws Exception {
        String prefix = UserKeys.patternsPrefix(keys.of(SkillHarness.USER_ID));
        var newest = s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(prefix)).contents().stream()
                .filter(o -> o.key().endsWith("/pattern.json"))
                .max(java.util.Comparator.comparing(software.amazon.awssdk.services.s3.model.S3Object::key));
        if (newest.isEmpty()) {
            return "no pattern";
        }
        byte[] json = s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(newest.get().key())).asByteArray();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("stuffing").path("status").asText();
    }

    private static ObjectNode envelope(String fixture) throws Exception {
        ObjectNode e = SkillHarness.fixture(fixture);
        ((ObjectNode) e.path("context").path("System")).remove(List.of("apiEndpoint", "apiAccessToken"));
        ((ObjectNode) e.path("context").path("System").path("application")).put("applicationId", SKILL_ID);
        ((ObjectNode) e.path("session").path("application")).put("applicationId", SKILL_ID);
        return e;
    }

    private static List<String> coldRun(Path jar, Path dir, URI s3, int modelPort) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", // what Lambda's Java runtime sets by default
                "-jar", jar.toString(), "invoke", "--quiet", dir.resolve("launch.json").toString(),
                dir.resolve("make.json").toString());
        Map<String, String> env = pb.environment();
        env.put("CUDDLIES_SKILL_ID", SKILL_ID);
        env.put("CUDDLIES_BUCKET", BUCKET);
        env.put("CUDDLIES_S3_ENDPOINT", s3.toString());
        env.put("CUDDLIES_OUTLINE_ENDPOINT", "bench");
        env.put("CUDDLIES_SAGEMAKER_ENDPOINT", "http://127.0.0.1:" + modelPort);
        env.put("CUDDLIES_USER_KEY_SECRET", SECRET);
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("AWS_REGION", "us-east-1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        }
        p.waitFor();
        return lines;
    }

    private static String after(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.replaceAll(".*\\((\\d+) ms after JVM start\\).*", "$1 ms")).orElse("failed: " + lines);
    }
}

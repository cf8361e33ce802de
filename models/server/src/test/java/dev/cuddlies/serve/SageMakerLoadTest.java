package dev.cuddlies.serve;

import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.records.SourceResolver;
import dev.cuddlies.serve.bench.ServeLoad;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 requests from 32 concurrent clients over loopback, a tenth malformed: every request gets an
 * answer (clients retry a 503, as SDK clients do), bad input never gets a 5xx, the server survives.
 * Numbers (throughput, latency, peak heap) are the benchmark's (scripts/bench-server.sh), not
 * asserted here: a heap peak depends on when the collector last ran.
 */
class SageMakerLoadTest {

    @Test
    void boundedLoadWithMalformedRequestsNeverCrashesOrAnswers5xxForBadInput() throws Exception {
        try (SageMakerServer server = SageMakerServer.start(
                ServerConfig.defaults().withHost("127.0.0.1").withPort(0),
                new Invocations(OutlineConfig.defaults(), ServerConfig.DEFAULT_MAX_PAYLOAD_BYTES, SourceResolver.none()))) {

            ServeLoad.Result r = ServeLoad.run(server.port(), 500, 32, TestPictures.bearPng(), Duration.ofMinutes(3));

            assertThat(r.ok()).as("valid requests answered with an outline").isEqualTo(450);
            assertThat(r.badInputAnswered4xx()).as("malformed requests answered 4xx").isEqualTo(50);
            assertThat(r.badInput5xx()).as("5xx for bad input").isZero();
            assertThat(r.otherErrors()).as("unexpected answers").isZero();
            assertThat(server.inFlight()).isZero();
        }
    }
}

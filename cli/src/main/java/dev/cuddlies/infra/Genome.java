package dev.cuddlies.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment "genome" {@code [model.tar.gz, [IAM], Input_data, SageMaker_Endpoint]} plus the
 * Lambda, the skill id and the heater switch: everything a maker's AWS account needs, described once
 * in {@code infrastructure/taskoid.json} and transcribed into CloudFormation and AWS CLI calls.
 */
public record Genome(String name, Model model, Iam iam, InputData inputData, Endpoint endpoint, Lambda lambda,
                     String skillId, Switch switches, Web web) {

    /** The model artifact in S3 and the container image in ECR. */
    public record Model(String artifactBucket, String artifactKey, String image) {
        public String artifactUri() {
            return "s3://" + artifactBucket + "/" + artifactKey;
        }

        /** "123456789012.dkr.ecr.us-east-1.amazonaws.com/name:tag" → "name". */
        public String repository() {
            String path = image.substring(image.indexOf('/') + 1);
            int tag = path.indexOf(':');
            int digest = path.indexOf('@');
            int end = digest >= 0 ? digest : tag >= 0 ? tag : path.length();
            return path.substring(0, end);
        }
    }

    /**
     * What each role may do, as named permissions ({@link Permissions}): one role per Lambda function
     * (keyed by its {@link Permissions#FUNCTIONS name}), one for the SageMaker model.
     */
    public record Iam(Map<String, List<String>> functions, List<String> sagemaker) {
        /** The permissions of one function's role; none for a function the genome does not list. */
        public List<String> function(String name) {
            return functions.getOrDefault(name, List.of());
        }
    }

    /**
     * The phone page's function behind a Lambda Function URL.
     *
     * @param url      the page's public address (said aloud, put on cards, the only CORS origin), e.g.
     *                 https://cuddlies.app/go; point that domain at the function URL
     * @param memoryMb the function's memory
     */
    public record Web(String url, int memoryMb) {
        /** "https://cuddlies.app/go" → "https://cuddlies.app". */
        public String origin() {
            java.net.URI u = java.net.URI.create(url);
            return u.getScheme() + "://" + u.getRawAuthority();
        }
    }

    /** Where pictures and patterns live, and how long. */
    public record InputData(String uploadPrefix, String patternPrefix, int uploadRetentionDays) {
    }

    /** The SageMaker endpoint: serverless (memory, concurrency) or instances (type, count). */
    public record Endpoint(String name, Optional<Integer> serverlessMemoryMb, Optional<Integer> serverlessMaxConcurrency,
                           Optional<String> instanceType, Optional<Integer> instanceCount) {
        public boolean serverless() {
            return serverlessMemoryMb.isPresent();
        }
    }

    public record Lambda(String runtime, int memoryMb, int timeoutSeconds, boolean snapStart) {
    }

    /**
     * The heater switch: the driver, plain settings, and references: {@code secretsmanager:name} for
     * credentials (read by the functions at run time), {@code ssm:/path} for plain values kept in
     * Parameter Store (resolved when the stack is deployed; never a credential).
     */
    public record Switch(String driver, Map<String, String> settings, Map<String, String> secrets,
                         Optional<String> tasmotaTopic, Optional<String> iotThing) {
    }
}

package dev.cuddlies.skill;

import com.amazon.ask.Skill;
import com.amazon.ask.builder.CustomSkillBuilder;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.skill.handler.FallbackHandler;
import dev.cuddlies.skill.handler.HelpHandler;
import dev.cuddlies.skill.handler.LaunchHandler;
import dev.cuddlies.skill.handler.MakeCuddlieHandler;
import dev.cuddlies.skill.handler.NavigateHomeHandler;
import dev.cuddlies.skill.handler.SessionEndedHandler;
import dev.cuddlies.skill.handler.StopHandler;
import dev.cuddlies.skill.interceptor.LoggingInterceptor;
import dev.cuddlies.skill.interceptor.PoliteErrorHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds the one {@link Skill} that Lambda, the local console and the self-hosted server all run. */
public final class CuddliesSkill {

    /** Intents of the interaction model the skill answers, built-in ones included. */
    public static final List<String> INTENTS = List.of(HelpHandler.INTENT, "AMAZON.StopIntent", "AMAZON.CancelIntent",
            FallbackHandler.INTENT, NavigateHomeHandler.INTENT, MakeCuddlieHandler.INTENT);

    private static final Duration ALEXA_API_TIMEOUT = Duration.ofMillis(800);

    private CuddliesSkill() {
    }

    public static Skill build(AppConfig config, Services services, Clock clock) {
        LoggingInterceptor logging = new LoggingInterceptor();
        return new CustomSkillBuilder()
                .withSkillId(config.skillId())
                .withApiClient(new TimedApiClient(ALEXA_API_TIMEOUT))
                .addRequestInterceptor(logging)
                .addResponseInterceptor(logging)
                .addRequestHandlers(
                        new LaunchHandler(),
                        new MakeCuddlieHandler(services.maker(), clock, config.answerBudget()),
                        new HelpHandler(),
                        new StopHandler(),
                        new FallbackHandler(),
                        new NavigateHomeHandler(),
                        new SessionEndedHandler())
                .addExceptionHandler(new PoliteErrorHandler())
                .build();
    }
}

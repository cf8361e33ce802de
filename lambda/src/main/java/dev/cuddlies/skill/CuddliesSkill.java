package dev.cuddlies.skill;

import com.amazon.ask.Skill;
import com.amazon.ask.builder.CustomSkillBuilder;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.skill.handler.FallbackHandler;
import dev.cuddlies.skill.handler.HelpHandler;
import dev.cuddlies.skill.handler.LaunchHandler;
import dev.cuddlies.skill.handler.LinkPhoneHandler;
import dev.cuddlies.skill.handler.MakeCuddlieHandler;
import dev.cuddlies.skill.handler.NavigateHomeHandler;
import dev.cuddlies.skill.handler.SessionEndedHandler;
import dev.cuddlies.skill.handler.StopHandler;
import dev.cuddlies.skill.handler.NoHandler;
import dev.cuddlies.skill.handler.RepeatHandler;
import dev.cuddlies.skill.handler.ResizePatternHandler;
import dev.cuddlies.skill.handler.StartOverHandler;
import dev.cuddlies.skill.handler.WarmthHandlers;
import dev.cuddlies.skill.handler.YesHandler;
import dev.cuddlies.skill.interceptor.LastSpeechInterceptor;
import dev.cuddlies.warmth.ReadingLog;
import dev.cuddlies.skill.interceptor.LoggingInterceptor;
import dev.cuddlies.skill.interceptor.PoliteErrorHandler;
import dev.cuddlies.web.PairingCodes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Builds the one {@link Skill} that Lambda, the local console and the self-hosted server all run. */
public final class CuddliesSkill {

    private static final Duration ALEXA_API_TIMEOUT = Duration.ofMillis(800);

    private CuddliesSkill() {
    }

    public static Skill build(AppConfig config, Services services, Clock clock) {
        LoggingInterceptor logging = new LoggingInterceptor();
        return new CustomSkillBuilder()
                .withSkillId(config.skillId())
                .withApiClient(new TimedApiClient(ALEXA_API_TIMEOUT))
                .addRequestInterceptor(logging)
                // A progressive response goes out on another thread: the answer waits until it has gone.
                .addResponseInterceptor(new ProgressiveResponse.AwaitSent(ALEXA_API_TIMEOUT))
                .addResponseInterceptor(logging)
                .addResponseInterceptor(new LastSpeechInterceptor())
                .addRequestHandlers(handlers(config, services, clock).toArray(new RequestHandler[0]))
                .addExceptionHandler(new PoliteErrorHandler())
                .build();
    }

    /** The request handlers, in dispatch order. */
    public static List<RequestHandler> handlers(AppConfig config, Services services, Clock clock) {
        ReadingLog readings = new ReadingLog(services.store());
        PhoneLink phoneLink = new PhoneLink(config.webUrl(), new PairingCodes(services.store(), services.userKeys(), clock),
                services.userKeys());
        return List.of(
                new LaunchHandler(),
                new MakeCuddlieHandler(services.maker(), phoneLink, clock, config.answerBudget()),
                new ResizePatternHandler(services.maker(), phoneLink, clock, config.answerBudget()),
                new LinkPhoneHandler(phoneLink),
                new HelpHandler(),
                new StopHandler(services.warmth(), clock),
                new FallbackHandler(),
                new NavigateHomeHandler(),
                new YesHandler(),
                new NoHandler(),
                new StartOverHandler(),
                new RepeatHandler(),
                WarmthHandlers.warmUp(services.warmth(), readings, clock),
                WarmthHandlers.stop(services.warmth(), readings, clock),
                WarmthHandlers.status(services.warmth(), readings, clock),
                WarmthHandlers.timeToWarm(services.warmth(), readings, clock),
                new SessionEndedHandler());
    }
}

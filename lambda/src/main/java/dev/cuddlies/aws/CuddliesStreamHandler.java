package dev.cuddlies.aws;

import com.amazon.ask.Skill;
import com.amazon.ask.SkillStreamHandler;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.skill.CuddliesSkill;

import java.time.Clock;

/**
 * The skill's Lambda entry point ({@code dev.cuddlies.aws.CuddliesStreamHandler::handleRequest}). The
 * skill and its AWS clients are built once, when Lambda creates the container, never per request.
 */
public class CuddliesStreamHandler extends SkillStreamHandler {

    /** For Lambda: configuration from the environment. */
    public CuddliesStreamHandler() {
        this(fromEnvironment());
    }

    /** For tests and local runs: a skill built from chosen collaborators. */
    public CuddliesStreamHandler(Skill skill) {
        super(skill);
    }

    private static Skill fromEnvironment() {
        System.setProperty("java.awt.headless", "true");
        AppConfig config = AppConfig.fromEnv(System.getenv());
        Clock clock = Clock.systemUTC();
        return CuddliesSkill.build(config, Services.create(config, clock), clock);
    }
}
